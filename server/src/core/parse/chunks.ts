// Section-incremental parsing: a document is cut before its top-level ATX headings, each piece is
// parsed on its own and cached by content, so an edit re-parses only the piece it touched. A long
// section is also cut between the items of a top-level bullet list (a timeline of thousands of
// entries): cutting there changes which list an item belongs to, never what the item says.
import type { TextChange } from './text-change.js';

const FENCE = /^( {0,3})(`{3,}|~{3,})/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
/** First characters of a line that can open a heading, a fence, a comment or a bullet item: # ` ~ space < - * +. */
const MAY_DECIDE = new Set([0x23, 0x60, 0x7e, 0x20, 0x3c, 0x2d, 0x2a, 0x2b]);
const COMMENT_OPEN = /^ {0,3}<!--/;
// A bullet item with content: it interrupts a paragraph, as it does at the start of a piece.
// (An empty item cannot interrupt one, and an ordered item only when it starts at 1.)
const BULLET_ITEM = /^[-*+][ \t]+\S/;
/**
 * Cuts between list items are content-defined, as in rsync: before an item whose first line hashes
 * to 0 mod LIST_CUT_EVERY, at least LIST_CUT_MIN characters after the last cut. An edit moves no
 * other cut, so it re-parses about 1 KB of a long timeline, not the whole section.
 */
const LIST_CUT_MIN = 512;
const LIST_CUT_EVERY = 4;
// Link reference and footnote definitions resolve across the whole document: no cutting then.
// One is /^ {0,3}\[[^\]\n]{1,999}\]:/m; this is its tail, tried where a line can start.
const DEFINITION_AT = / {0,3}\[[^\]\n]{1,999}\]:/y;
/** Where `^` of a multiline regex matches: after \n, \r, U+2028 or U+2029. */
const isLineBreak = (code: number) => code === 10 || code === 13 || code === 0x2028 || code === 0x2029;

/**
 * Whether the text (or its lines between `from` and `to`) has a definition, tried at its `[`s: the
 * multiline regex tried every line of 1 MB on every keystroke (~3 ms), and brackets at the start of
 * a line are few.
 */
export function hasDefinition(text: string, from = 0, to = text.length): boolean {
  for (let at = text.indexOf('[', from); at >= 0 && at <= to; at = text.indexOf('[', at + 1)) {
    let lineStart = at;
    while (lineStart > 0 && at - lineStart < 3 && text.charCodeAt(lineStart - 1) === 0x20) lineStart--;
    if (lineStart > 0 && !isLineBreak(text.charCodeAt(lineStart - 1))) continue;
    DEFINITION_AT.lastIndex = lineStart;
    if (DEFINITION_AT.test(text)) return true;
  }
  return false;
}

/** Where a text's pieces start, and whether a link definition stopped the cutting. */
export interface Cuts {
  starts: number[];
  definitions: boolean;
}

/**
 * Offsets where pieces start: 0, then every column-0 ATX heading and some column-0 bullet items,
 * outside front matter, fences and HTML comments.
 */
export function chunkStarts(text: string): number[] {
  return cutText(text).starts;
}

/** chunkStarts, and whether a link definition kept the text whole (recut starts from it). */
export function cutText(text: string): Cuts {
  if (hasDefinition(text)) return { starts: [0], definitions: true };
  const starts = [0];
  scanCuts(text, starts, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  return { starts, definitions: false };
}

/**
 * The cuts of `text`, which is `before`'s text changed by `change`: the scan resumes at the last
 * cut above the changed line, and stops at the first cut below the change that was a cut before
 * (a cut is where no fence, comment or front matter is open, so what follows it decides the rest).
 */
export function recut(before: Cuts, text: string, change: TextChange): Cuts {
  if (before.definitions) return cutText(text);
  const lineStart = text.lastIndexOf('\n', change.from - 1) + 1;
  const next = text.indexOf('\n', change.newEnd);
  if (hasDefinition(text, lineStart, next < 0 ? text.length : next)) return { starts: [0], definitions: true };
  const old = before.starts;
  const delta = change.newEnd - change.oldEnd;
  // The last cut above the changed line (the line of a cut decides whether it is one).
  const resume = sortedIndex(old, lineStart) - 1;
  const starts = old.slice(0, Math.max(resume, 0) + 1);
  let after = resume + 1;
  const settled = (cut: number) => {
    const was = cut - delta;
    if (was < change.oldEnd) return false;
    while (after < old.length && old[after] < was) after++;
    if (old[after] !== was) return false;
    for (let i = after + 1; i < old.length; i++) starts.push(old[i] + delta);
    return true;
  };
  // From the top, the scan starts as a whole one does (a BOM, front matter).
  if (resume <= 0) scanCuts(text, starts, text.charCodeAt(0) === 0xfeff ? 1 : 0, settled);
  else scanCuts(text, starts, old[resume], settled, false);
  return { starts, definitions: false };
}

/** The index of the first element of the sorted `values` not below `value`. */
function sortedIndex(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Pushes onto `starts` the cuts from `lineStart` on, where nothing is open; front matter is open at
 * the top of a text that starts with `---`. Stops early once `settled` says a cut decides the rest.
 * A scan resumed at a cut sees that cut's line again: it is not cut twice.
 */
function scanCuts(text: string, starts: number[], lineStart: number, settled?: (cut: number) => boolean, atTop = true): void {
  let fence: { char: string; length: number } | null = null;
  let frontMatter = atTop && text.startsWith('---', lineStart);
  let first = true;
  const cut = (at: number) => {
    starts.push(at);
    return settled?.(at) === true;
  };
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // Outside fences and front matter, a line that starts with none of MAY_DECIDE decides nothing.
    if (!fence && !frontMatter && !mayDecide(text, lineStart, lineStart - starts[starts.length - 1])) {
      first = false;
      lineStart = lineEnd + 1;
      continue;
    }
    // Only the head of a line decides anything here; a 1 MB line is not copied.
    const head = text.slice(lineStart, Math.min(lineEnd, lineStart + 256)).replace(/\r$/, '');
    if (frontMatter) {
      // remark-frontmatter closes YAML at `---` only (not YAML's `...`).
      if (!first && /^---[ \t]*$/.test(head)) frontMatter = false;
    } else if (fence) {
      const close = FENCE.exec(head);
      if (close && close[2][0] === fence.char && close[2].length >= fence.length && head.slice(close[0].length).trim() === '') fence = null;
    } else {
      const open = FENCE.exec(head);
      const opener = open ? undefined : COMMENT_OPEN.exec(head);
      if (open && !(open[2][0] === '`' && head.slice(open[0].length).includes('`'))) fence = { char: open[2][0], length: open[2].length };
      else if (opener) {
        // An HTML comment block: no cut inside it. Skip to the line that closes it ("<!-->" closes
        // itself); one that never closes runs to the end, so there is nothing left to cut.
        const close = text.indexOf('-->', lineStart + opener[0].length - 2);
        if (close < 0) return;
        if (close >= lineEnd) {
          const closingLineEnd = text.indexOf('\n', close);
          first = false;
          lineStart = closingLineEnd < 0 ? text.length : closingLineEnd + 1;
          continue;
        }
      } else if (HEADING.test(head) && lineStart > starts[starts.length - 1]) {
        if (cut(lineStart)) return;
      } else if (lineStart - starts[starts.length - 1] >= LIST_CUT_MIN && BULLET_ITEM.test(head) && hash(head) % LIST_CUT_EVERY === 0) {
        if (cut(lineStart)) return;
      }
    }
    first = false;
    lineStart = lineEnd + 1;
  }
}

/**
 * Whether a line outside fences and front matter can decide anything, from its first characters
 * alone: most lines of a postmortem are bullet items, and slicing each one's head cost ~15 ms per
 * edit on 1 MB. `sinceCut`: characters since the last cut (a bullet closer than LIST_CUT_MIN is no cut).
 */
function mayDecide(text: string, lineStart: number, sinceCut: number): boolean {
  const code = text.charCodeAt(lineStart);
  if (!MAY_DECIDE.has(code)) return false;
  // - * + open a cut only as a bullet far enough from the last cut (no fence, comment or heading starts so).
  if (code === 0x2d || code === 0x2a || code === 0x2b) return sinceCut >= LIST_CUT_MIN;
  if (code !== 0x20) return true;
  // Indented: only a fence or a comment, behind at most three spaces.
  let i = lineStart;
  while (i < lineStart + 3 && text.charCodeAt(i) === 0x20) i++;
  const next = text.charCodeAt(i);
  return next === 0x60 || next === 0x7e || next === 0x3c;
}

/** FNV-1a of a line's head: cheap, and the same for the same line wherever it is. */
function hash(line: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < line.length; i++) h = Math.imul(h ^ line.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
