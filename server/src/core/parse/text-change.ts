// Where two versions of a text differ: what an edit's analysis, the worker's text delta and its
// problem delta all start from. Import-free, so the language server's own thread can use it too.

/** `before[from, oldEnd)` became `after[from, newEnd)`; the rest is a common prefix and suffix. */
export interface TextChange {
  from: number;
  oldEnd: number;
  newEnd: number;
}

/** A text known to have come from `before` by `change` (the language server computed it already). */
export interface KnownChange {
  before: string;
  change: TextChange;
}

const CHUNK = 4096;

/** The common prefix's length. */
export function commonPrefix(before: string, after: string): number {
  const n = Math.min(before.length, after.length);
  let from = 0;
  // Chunks compared natively first: a character loop over 1 MB costs a millisecond or two.
  while (from + CHUNK <= n && before.slice(from, from + CHUNK) === after.slice(from, from + CHUNK)) from += CHUNK;
  while (from < n && before.charCodeAt(from) === after.charCodeAt(from)) from++;
  return from;
}

/** The one replacement that turns `before` into `after`: the longest common prefix, then the longest common suffix of the rest. */
export function textChange(before: string, after: string): TextChange {
  const from = commonPrefix(before, after);
  const most = Math.min(before.length, after.length) - from;
  let tail = 0;
  while (tail + CHUNK <= most && before.slice(before.length - tail - CHUNK, before.length - tail) === after.slice(after.length - tail - CHUNK, after.length - tail)) tail += CHUNK;
  while (tail < most && before.charCodeAt(before.length - tail - 1) === after.charCodeAt(after.length - tail - 1)) tail++;
  return { from, oldEnd: before.length - tail, newEnd: after.length - tail };
}
