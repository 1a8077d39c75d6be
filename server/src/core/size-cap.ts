import type { Problem } from './types.js';
import type { ParseCache } from './parse/markdown.js';

export const DEFAULT_MAX_FILE_SIZE_KB = 2048;
export const FILE_TOO_LARGE = 'file-too-large';
/**
 * Lines and table cells allowed per KB of the size cap. The parser's memory grows with structure,
 * not bytes: a 2 MB table of a million one-character cells needs gigabytes, a 2 MB paragraph a few
 * megabytes. A realistic postmortem has about 22 lines and cells per KB, so 32 keeps every one
 * under the byte cap analysable and refuses what would exhaust memory.
 */
const STRUCTURE_PER_KB = 32;

/**
 * One information problem when the text is over the cap, in bytes or in structure; undefined when
 * it may be analysed. With a `cache`, the structure is counted again only where the text changed.
 */
export function sizeCapProblem(text: string, maxKB: number, cache?: ParseCache): Problem | undefined {
  // UTF-16 length is a cheap lower bound of the byte size; good enough for a cap.
  if (text.length > maxKB * 1024) {
    // Rounded up: a file just over the cap must not read as "2048 KB is larger than 2048 KB".
    return tooLarge(`This file (${Math.ceil(text.length / 1024)} KB) is larger than the ${maxKB} KB postmortem checks run on`);
  }
  const maxStructure = Math.floor(maxKB * STRUCTURE_PER_KB);
  const structure = cache ? countStructureAgain(cache, text, maxStructure) : countStructure(text, maxStructure);
  if (structure > maxStructure) {
    return tooLarge(
      `This file has more than ${maxStructure.toLocaleString('en')} lines and table cells, the most postmortem checks run on with a ${maxKB} KB cap`,
    );
  }
  return undefined;
}

function tooLarge(what: string): Problem {
  return {
    rule: FILE_TOO_LARGE,
    severity: 'info',
    message: `${what}, so it was not analysed. Raise "postmortem.maxFileSizeKB" (or --max-file-size-kb) to check it.`,
    range: { start: 0, end: 0 },
    fixes: [],
  };
}

/** Line breaks plus `|` characters (an upper bound of table cells); counting stops past `limit`. */
function countStructure(text: string, limit: number): number {
  // Each character counts at most once: a text no longer than the limit cannot pass it.
  if (text.length <= limit) return text.length;
  // indexOf is vectorised; a character-by-character loop costs ~20 ms on 1 MB, on every keystroke.
  let count = occurrences(text, '\n', limit) + occurrences(text, '|', limit);
  // Lone carriage returns end lines too (as micromark reads them).
  for (let i = text.indexOf('\r'); i >= 0 && count <= limit; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

const STRUCTURE = 'size-cap structure';

/** The count of the text before it (kept in `cache`), corrected by what the change took out and put in. */
function countStructureAgain(cache: ParseCache, text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  const last = cache.previous.get(STRUCTURE) as { text: string; count: number } | undefined;
  let count: number;
  if (last) {
    const { from, oldEnd, newEnd } = cache.change(last.text, text);
    // A lone \r counts by the character after it: the one before the change is counted again too.
    const start = Math.max(from - 1, 0);
    count = last.count - structureBetween(last.text, start, oldEnd) + structureBetween(text, start, newEnd);
  } else count = countStructure(text, limit);
  // Counting stops past the limit: only a count within it is exact, and a base for the next.
  if (count <= limit) cache.previous.set(STRUCTURE, { text, count });
  else cache.previous.delete(STRUCTURE);
  return count;
}

/** Line breaks and `|`s that start in text[from, to), as countStructure counts them. */
function structureBetween(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 0x7c || (code === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

function occurrences(text: string, char: string, limit: number): number {
  let count = 0;
  for (let i = text.indexOf(char); i >= 0 && count <= limit; i = text.indexOf(char, i + 1)) count++;
  return count;
}
