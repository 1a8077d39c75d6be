// How New Postmortem names files: `<YYYY-MM-DD>-<slug>.md`, then `-2`, `-3`… when taken.
// No vscode import, so it is unit-tested directly (test/client/file-name.test.ts).

/** Local date, YYYY-MM-DD: the day the author is writing on. */
export function localDate(now: Date = new Date()): string {
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

/** A file-name-safe form of the title: lower-case ASCII words joined by hyphens. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'postmortem';
}

/** The n-th candidate name (n from 1) for a postmortem titled `title` on `date`. */
export function postmortemFileName(date: string, title: string, n: number): string {
  return `${date}-${slugify(title)}${n === 1 ? '' : `-${n}`}.md`;
}
