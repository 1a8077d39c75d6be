// Which template tag a written type names: `prevent`, `Prevention` and `Prevents` all name Prevent,
// as tables in the SRE book's style write them.

const stem = (word: string) => word.toLowerCase().replace(/(?:ions?|es|s|e|ed|ing)$/, '');

/** The template's spelling of the tag `written` names, or null. */
export function tagOf(written: string, tags: readonly string[]): string | null {
  const lower = written.toLowerCase();
  const exact = tags.find((tag) => tag.toLowerCase() === lower);
  if (exact) return exact;
  const writtenStem = stem(written);
  return writtenStem.length >= 3 ? (tags.find((tag) => stem(tag) === writtenStem) ?? null) : null;
}
