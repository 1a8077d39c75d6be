// Character helpers. Every reader looks a bounded distance ahead, so a reading costs O(1)
// however long the input is (a 1 MB line of digits must not be scanned to its end).

const SPACES = new Set([' ', '\t', '\u00a0', '\u202f']);
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const LETTER = /\p{L}/u;

/** A shape that matched but holds impossible values (25:00, Feb 30): the whole reading fails. */
export const BAD = 'invalid';
export type Bad = typeof BAD;

export const isSpace = (c: string | undefined): boolean => c !== undefined && SPACES.has(c);
export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
export const isLetter = (c: string | undefined): boolean => c !== undefined && LETTER.test(c);
export const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c);
const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);

/** Skips at most `max` spaces and never a line break: a timestamp does not span lines. */
export function skipSpaces(s: string, i: number, max = 3): number {
  let j = i;
  while (j - i < max && isSpace(s[j])) j++;
  return j;
}

/** Digits at i, counting at most max + 1 (so "too long" is visible without scanning on). */
export function countDigits(s: string, i: number, max: number): number {
  let n = 0;
  while (n <= max && isDigit(s[i + n])) n++;
  return n;
}

export function numberAt(s: string, i: number, n: number): number {
  let value = 0;
  for (let k = i; k < i + n; k++) value = value * 10 + (s.charCodeAt(k) - 48);
  return value;
}

/** ASCII letters at i, at most max + 1 of them. */
export function readLetters(s: string, i: number, max: number): string {
  let j = i;
  while (j - i <= max && isAsciiLetter(s[j])) j++;
  return s.slice(i, j);
}

/** Case-insensitive `word` at i, not followed by another letter. */
export function startsWithWord(s: string, i: number, word: string): boolean {
  return s.slice(i, i + word.length).toLowerCase() === word && !isLetter(s[i + word.length]);
}

/** Whether a timestamp may end at i: not inside a word, a percentage, or a longer number like 1.2.3. */
export function endsToken(s: string, i: number): boolean {
  const c = s[i];
  if (c === undefined) return true;
  if (isWordChar(c) || c === '%') return false;
  return !('.:/,-'.includes(c) && isDigit(s[i + 1]));
}
