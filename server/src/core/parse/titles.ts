// Section titles match the way a reviewer reads them: case, numbering ("2. Impact"),
// a trailing colon, a trailing note in parentheses ("Timeline (UTC)") and "&" vs "and" don't matter.
const LEADING_NUMBERING = /^(?:\d{1,3}(?:\.\d{1,3})*\.?|[ivx]{1,5}\.|[a-z][.)])\s+/i;
const TRAILING_PARENTHETICAL = /\s*\([^()]{0,60}\)\s*$/;

export function normalizeTitle(title: string): string {
  let key = title.replace(/\s+/g, ' ').trim();
  key = key.replace(LEADING_NUMBERING, '');
  key = key.replace(TRAILING_PARENTHETICAL, '');
  key = key.replace(/[\s:.]+$/, '');
  return key.replace(/&/g, 'and').replace(/[’']/g, "'").toLowerCase().trim();
}
