// What counts as "not written yet": shared by placeholder-text and the field rules, which leave a
// placeholder value to placeholder-text rather than calling it a wrong value.

/** Prompts the snippets, New Postmortem and common templates write: `<fill in>`, `[name]`, TBD, `SEV-?`, `HH:MM`. */
export const PLACEHOLDER_VALUE = /^(?:tbd|tba|tbc|\?+|…|\.{3}|x+|<[^<>\n]*>|\[[^\][\n]*\]|_\[[^\]\n]*\]_|\{\{[^}\n]*\}\}|sev-?\?|p\?|hh:mm|yyyy-mm-dd)$/i;

/** A choice list left from a template: `SEV-1 | SEV-2 | SEV-3`, `Draft / Final`. */
const CHOICES = /^[^|/\n]+(?:\s[|/]\s[^|/\n]+){1,}$/;

export function isPlaceholderValue(value: string, listed: readonly string[] = []): boolean {
  const plain = value.replace(/[*_`]/g, (m, i: number) => (m === '_' && value[i + 1] === '[' ? m : '')).trim();
  if (PLACEHOLDER_VALUE.test(plain)) return true;
  // "SEV-1 | SEV-2 | SEV-3" names several listed values at once: the template's prompt, not a value.
  return CHOICES.test(plain) && listed.length > 0 && plain.split(/\s[|/]\s/).length > 1;
}
