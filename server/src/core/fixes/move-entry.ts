// "Move this entry into time order" for timeline-order: the whole entry (its continuation lines
// and nested items too) is cut and pasted where its time belongs. Offered only when the move
// cannot change what any time reads as, and when afterwards this step backwards is gone and no
// new one appears.
import type { Fix, Postmortem, TimelineEntry, TextEdit } from '../types.js';
import { detectEol } from '../parse/lines.js';

type Timed = TimelineEntry & { instant: number };

const isTimed = (entry: TimelineEntry): entry is Timed => entry.instant !== null && !entry.dateOnly;

/**
 * The move for the step backwards from `previous` to `entry`: `entry` back to its place, or else
 * `previous` (a single entry far ahead, the likelier slip) forward to its place. None when neither
 * move is safe and clean.
 */
export function moveIntoOrderFix(postmortem: Postmortem, entry: TimelineEntry, previous: TimelineEntry, descending: boolean): Fix | undefined {
  if (!isTimed(entry) || !isTimed(previous) || entry.section !== previous.section) return undefined;
  const section = postmortem.timeline.filter((e) => e.section === entry.section);
  if (!movesKeepTimes(section)) return undefined;
  const timed = section.filter(isTimed);
  const before = (a: number, b: number) => (descending ? a > b : a < b);
  const descents = (order: Timed[]) => order.reduce((n, e, i) => n + (i > 0 && before(e.instant, order[i - 1].instant) ? 1 : 0), 0);
  const now = descents(timed);
  for (const [moved, title] of [[entry, 'Move this entry into time order'], [previous, `Move the ${previous.timeText} entry into time order`]] as const) {
    const rest = timed.filter((e) => e !== moved);
    // Its place: before the first entry that comes after it in time (ties keep their order).
    const at = rest.findIndex((e) => before(moved.instant, e.instant));
    const order = [...rest.slice(0, at < 0 ? rest.length : at), moved, ...rest.slice(at < 0 ? rest.length : at)];
    if (descents(order) !== now - 1) continue;
    const edits = moveEdits(postmortem.text, moved, at < 0 ? undefined : rest[at], rest[rest.length - 1], section);
    if (edits) return { title, edits, fixAll: false };
  }
  return undefined;
}

/**
 * Moving entries around changes no time when no date line (which dates the entries after it)
 * is among them and dates are written on every entry or on none (so none inherits from its
 * neighbour), and when only blank lines separate them (no "All times in PDT" line is crossed).
 */
function movesKeepTimes(section: TimelineEntry[]): boolean {
  if (section.some((e) => e.dateOnly)) return false;
  const dated = section.filter((e) => e.hasDate).length;
  return dated === 0 || dated === section.length;
}

/** Cut the entry's lines and paste them before `target` (or after `last`); undefined when not a clean line move. */
function moveEdits(text: string, moved: TimelineEntry, target: TimelineEntry | undefined, last: TimelineEntry, section: TimelineEntry[]): TextEdit[] | undefined {
  const block = lineBlock(text, moved);
  const anchor = lineBlock(text, target ?? last);
  if (!block || !anchor) return undefined;
  const insertAt = target ? anchor.start : anchor.end;
  const [from, to] = insertAt < block.start ? [insertAt, block.start] : [block.end, insertAt];
  if (!onlyEntriesBetween(text, from, to, section)) return undefined;
  const eol = detectEol(text);
  let lines = text.slice(block.start, block.end);
  let cut = block.start;
  if (!/[\r\n]$/.test(lines)) {
    // The document's last line: the line break before it goes with it.
    lines += eol;
    cut -= /(?:\r\n|\r|\n)$/.exec(text.slice(Math.max(0, block.start - 2), block.start))?.[0].length ?? 0;
  }
  const paste = insertAt === text.length && !/[\r\n]$/.test(text) ? eol + lines.slice(0, lines.length - eol.length) : lines;
  return [{ start: cut, end: block.end, newText: '' }, { start: insertAt, end: insertAt, newText: paste }];
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

/** Whether every non-blank line of [from, to) belongs to an entry of the section: the move crosses nothing else. */
function onlyEntriesBetween(text: string, from: number, to: number, section: TimelineEntry[]): boolean {
  let at = from;
  for (const entry of section) {
    if (entry.range.end <= from) continue;
    if (entry.range.start >= to) break;
    if (text.slice(at, entry.range.start).trim() !== '') return false;
    at = Math.max(at, entry.range.end);
  }
  return text.slice(at, to).trim() === '';
}
