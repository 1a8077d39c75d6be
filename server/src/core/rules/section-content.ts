// What counts as content in a section body: anything but HTML comments, thematic breaks (---)
// and whitespace. Shared by empty-section and by the heading-level fix's check that it leaves no
// section empty.

const NOISE = /<!--[\s\S]*?(?:-->|$)|^[ \t]{0,3}(?:[-*_][ \t]*){3,}$/gm;

/** Whether the text, once comments, rules and whitespace are gone (and `placeholder`), has anything left. */
export function hasContent(text: string, placeholder?: string): boolean {
  let rest = text.replace(NOISE, '');
  if (placeholder) rest = rest.split(placeholder).join('');
  return rest.trim() !== '';
}
