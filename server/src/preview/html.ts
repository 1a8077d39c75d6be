// Tiny helpers for building HTML strings; every dynamic value goes through `escapeHtml`.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** ` name="value"` pairs; null, undefined and false leave the attribute out, true writes it bare. */
export function attrs(record: Record<string, string | number | boolean | null | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(record)) {
    if (value === null || value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

/** Where a click or Enter should take the editor: a zero-based line, focusable only in the webview. */
export function lineAttrs(line: number, interactive: boolean): Record<string, string | number | undefined> {
  return { 'data-line': line, tabindex: interactive ? 0 : undefined };
}
