// "Move this entry into time order" for timeline-order: the whole entry (its continuation lines
// and nested items too) is cut and pasted where its time belongs. Offered only when the move
// cannot change what any time reads as, and when afterwards this step backwards is gone and no
// new one appears.
import type { Fix, Postmortem, TimelineEntry, TextEdit } from '../types.js';
import { detectEol } from '../parse/lines.js';

type Timed = TimelineEntry & { instant: number };

const isTimed = (entry: TimelineEntry): entry is Timed => entry.instant !== null && !entry.dateOnly;

/** What every move in one section needs, computed once per analysis: a timeline of thousands of entries may have hundreds of steps backwards. */
interface Prepared {
  entries: TimelineEntry[];
  timed: Timed[];
  /** Position of each timed entry in `timed`. */
  position: Map<TimelineEntry, number>;
  /** Position of each entry in `entries`. */
  index: Map<TimelineEntry, number>;
  /** Running maximum (ascending) or minimum (descending) of the times so far: monotonic, so searchable. */
  extreme: number[];
  /** badGaps[k]: gaps up to entry k with something other than blank lines before the next entry. */
  badGaps: number[];
  safe: boolean;
}

const prepared = new WeakMap<Postmortem, Map<TimelineEntry['section'], Prepared>>();

function prepare(postmortem: Postmortem, section: TimelineEntry['section'], descending: boolean): Prepared {
  let bySection = prepared.get(postmortem);
  if (!bySection) prepared.set(postmortem, (bySection = new Map()));
  let found = bySection.get(section);
  if (found) return found;
  const entries = postmortem.timeline.filter((e) => e.section === section);
  const timed = entries.filter(isTimed);
  const extreme: number[] = [];
  for (const e of timed) extreme.push(extreme.length === 0 ? e.instant : descending ? Math.min(extreme[extreme.length - 1], e.instant) : Math.max(extreme[extreme.length - 1], e.instant));
  const badGaps = [0];
  entries.forEach((e, k) => {
    const gap = k + 1 < entries.length ? postmortem.text.slice(e.range.end, entries[k + 1].range.start) : '';
    badGaps.push(badGaps[k] + (gap.trim() === '' ? 0 : 1));
  });
  found = { entries, timed, position: new Map(timed.map((e, i) => [e, i])), index: new Map(entries.map((e, i) => [e, i])), extreme, badGaps, safe: movesKeepTimes(entries) };
  bySection.set(section, found);
  return found;
}

/**
 * The move for the step backwards from `previous` to `entry`: `entry` back to its place, or else
 * `previous` (a single entry far ahead, the likelier slip) forward to its place. None when neither
 * move is safe and clean.
 */
export function moveIntoOrderFix(postmortem: Postmortem, entry: TimelineEntry, previous: TimelineEntry, descending: boolean): Fix | undefined {
  if (!isTimed(entry) || !isTimed(previous) || entry.section !== previous.section) return undefined;
  const section = prepare(postmortem, entry.section, descending);
  if (!section.safe) return undefined;
  const { timed } = section;
  const before = (a: number, b: number) => (descending ? a > b : a < b);
  const descent = (a: Timed | undefined, b: Timed | undefined) => (a && b && before(b.instant, a.instant) ? 1 : 0);
  for (const [moved, title] of [[entry, 'Move this entry into time order'], [previous, `Move the ${previous.timeText} entry into time order`]] as const) {
    const from = section.position.get(moved)!;
    // Its place: before the first entry that comes after it in time (ties keep their order).
    const to = firstAfter(section.extreme, moved.instant, before);
    if (to === from || to === from + 1) continue;
    // Descents the move takes away (around where it was) and adds (around where it goes).
    const removed = descent(timed[from - 1], moved) + descent(moved, timed[from + 1]) - descent(timed[from - 1], timed[from + 1]);
    const target = to < timed.length ? timed[to] : undefined;
    const beforeTarget = to > 0 ? timed[to - 1] : undefined;
    const added = descent(beforeTarget, moved) + descent(moved, target) - descent(beforeTarget, target);
    if (added - removed !== -1) continue;
    const edits = moveEdits(postmortem.text, moved, target, timed[timed.length - 1], section);
    if (edits) return { title, edits, fixAll: false };
  }
  return undefined;
}

/** The first index whose running extreme passes `value`, or the length when none does. */
function firstAfter(extreme: number[], value: number, before: (a: number, b: number) => boolean): number {
  let low = 0;
  let high = extreme.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(value, extreme[mid])) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * Moving entries around changes no time when no date line (which dates the entries after it)
 * is among them and dates are written on every entry or on none (so none inherits from its
 * neighbour), when only blank lines separate them (no "All times in PDT" line is crossed), and
 * when no entry holds another (an item with timed sub-items): cutting the outer one would take
 * the inner one with it, and pasting it among its own sub-items would overlap the cut.
 */
function movesKeepTimes(section: TimelineEntry[]): boolean {
  if (section.some((e) => e.dateOnly)) return false;
  if (section.some((e, k) => k > 0 && e.range.start < section[k - 1].range.end)) return false;
  const dated = section.filter((e) => e.hasDate).length;
  return dated === 0 || dated === section.length;
}

/** Cut the entry's lines and paste them before `target` (or after `last`); undefined when not a clean line move. */
function moveEdits(text: string, moved: TimelineEntry, target: TimelineEntry | undefined, last: TimelineEntry, section: Prepared): TextEdit[] | undefined {
  const block = lineBlock(text, moved);
  const anchor = lineBlock(text, target ?? last);
  if (!block || !anchor) return undefined;
  const insertAt = target ? anchor.start : anchor.end;
  if (!onlyEntriesBetween(section, moved, target ?? last)) return undefined;
  const eol = detectEol(text);
  let lines = text.slice(block.start, block.end);
  let cut = block.start;
  if (!/[\r\n]$/.test(lines)) {
    // The document's last line: the line break before it goes with it.
    lines += eol;
    cut -= /(?:\r\n|\r|\n)$/.exec(text.slice(Math.max(0, block.start - 2), block.start))?.[0].length ?? 0;
  }
  const paste = insertAt === text.length && !/[\r\n]$/.test(text) ? eol + lines.slice(0, lines.length - eol.length) : lines;
  const loose = cut === block.start && paste === lines ? looseSeparator(text, moved, block, section) : undefined;
  // A loose list (blank lines between items): the entry takes one separator with it, so both places stay loose.
  if (loose) return [{ ...loose.cut, newText: '' }, { start: insertAt, end: insertAt, newText: target ? lines + loose.blank : loose.blank + lines }];
  return [{ start: cut, end: block.end, newText: '' }, { start: insertAt, end: insertAt, newText: paste }];
}

/** The blank lines after the entry (before it, for the section's last entry), and the cut that takes them along. */
function looseSeparator(text: string, moved: TimelineEntry, block: { start: number; end: number }, section: Prepared): { blank: string; cut: { start: number; end: number } } | undefined {
  const i = section.index.get(moved)!;
  const next = i + 1 < section.entries.length ? lineBlock(text, section.entries[i + 1]) : undefined;
  const previous = i > 0 ? lineBlock(text, section.entries[i - 1]) : undefined;
  const isBlank = (gap: string) => gap !== '' && gap.trim() === '';
  if (next) {
    const gap = text.slice(block.end, next.start);
    return isBlank(gap) ? { blank: gap, cut: { start: block.start, end: next.start } } : undefined;
  }
  const gap = previous ? text.slice(previous.end, block.start) : '';
  return previous && isBlank(gap) ? { blank: gap, cut: { start: previous.end, end: block.end } } : undefined;
}

/** The whole lines an entry occupies, line break included; undefined when it shares a line with other text. */
function lineBlock(text: string, entry: TimelineEntry): { start: number; end: number } | undefined {
  let start = entry.range.start;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  if (text.slice(start, entry.range.start).trim() !== '') return undefined;
  const rest = /^[^\r\n]*/.exec(text.slice(entry.range.end, entry.range.end + 10_000))![0];
  if (rest.trim() !== '') return undefined;
  let end = entry.range.end + rest.length;
  if (text.startsWith('\r\n', end)) end += 2;
  else if (text[end] === '\n' || text[end] === '\r') end += 1;
  return { start, end };
}

/** Whether only blank lines separate the entries from `moved` to `anchor`: the move crosses nothing else. */
function onlyEntriesBetween(section: Prepared, moved: TimelineEntry, anchor: TimelineEntry): boolean {
  const a = section.index.get(moved)!;
  const b = section.index.get(anchor)!;
  // Gap k lies between entry k and k + 1; a move from a to b crosses the gaps from the lower to one before the higher.
  const [first, last] = a < b ? [a, b - 1] : [b, a - 1];
  return section.badGaps[last + 1] - section.badGaps[first] === 0;
}
