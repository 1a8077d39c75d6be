// Section titles match the way a reviewer reads them: case, numbering ("2. Impact"),
// a trailing colon, question or exclamation mark, a trailing note in parentheses ("Timeline (UTC)") and "&" vs "and" don't matter.
const LEADING_NUMBERING = /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[ivx]{1,5}\.|[a-z][.)])\s+/i;
const TRAILING_PARENTHETICAL = /\s*\([^()]{0,60}\)\s*$/;

export function normalizeTitle(title: string): string {
  let key = title.replace(/\s+/g, ' ').trim();
  key = key.replace(LEADING_NUMBERING, '');
  key = key.replace(TRAILING_PARENTHETICAL, '');
  key = trimTrailing(key);
  return key.replace(/&/g, 'and').replace(/[’']/g, "'").toLowerCase().trim();
}

/**
 * Drops trailing spaces, colons, dots, question and exclamation marks. A loop, not /[\s:.]+$/: that regex retries from every
 * colon or dot in a run that does not reach the end, quadratic on "Impact.:.:.:…x".
 */
function trimTrailing(key: string): string {
  let end = key.length;
  while (end > 0 && /[\s:.?!]/.test(key[end - 1])) end--;
  return key.slice(0, end);
}
