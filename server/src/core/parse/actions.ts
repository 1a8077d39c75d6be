import type { List } from 'mdast';
import type { ActionItem, Section } from '../types.js';
import { afterCheckbox } from './list-items.js';
import { readFieldsInText } from './action-fields.js';

// `**Fix:** text`, `**Fix**: text`, `__Fix:__ text`; the label is short by nature.
const BOLD_LABEL = /^(\*\*|__)([^*_\n]{1,40}?)(:?)\1(:?)/;
// `Fix: text` without bold counts only when Fix is a known tag.
const PLAIN_LABEL = /^([A-Za-z][\w-]{0,30}):/;

// `- Prevent – stops it happening again`: a bullet that explains a tag, not an action item.
const TAG_DEFINITION = /^[*_`"']{0,2}([A-Za-z][\w-]{0,30})[*_`"']{0,2}\s+(?:[–—=]|-\s|means\b)/;

/** The tag a heading names ("### Prevent", "### Fixes"): plain bullets and rows under it are of that kind. */
export function headingTagOf(section: Section, tags: string[]): string | undefined {
  const byLowerCase = new Map(tags.map((tag) => [tag.toLowerCase(), tag]));
  return byLowerCase.get(section.key) ?? byLowerCase.get(section.key.replace(/e?s$/, '')) ?? byLowerCase.get(section.key.replace(/s$/, ''));
}

/** Top-level list items of an action section. */
export function readActionItems(list: List, section: Section, text: string, shift: number, tags: string[], incidentStart: number | null = null): ActionItem[] {
  const byLowerCase = new Map(tags.map((tag) => [tag.toLowerCase(), tag]));
  const headingTag = headingTagOf(section, tags);
  const items: ActionItem[] = [];
  for (const item of list.children) {
    if (!item.position) continue;
    const range = { start: item.position.start.offset! + shift, end: item.position.end.offset! + shift };
    const body = item.children[0];
    const bodyStart = body?.position ? body.position.start.offset! + shift : range.end;
    const contentStart = afterCheckbox(text, item, bodyStart, range.end);
    const bodyEnd = body?.position ? body.position.end.offset! + shift : range.end;
    const head = text.slice(contentStart, Math.min(bodyEnd, contentStart + 120));
    const checked = item.checked ?? null;
    const action: ActionItem = { range, tag: null, contentStart, text: head.trim(), checked, section, shape: 'list' };
    const bold = BOLD_LABEL.exec(head);
    if (bold && (bold[3] || bold[4])) {
      const written = bold[2].trim();
      const labelStart = contentStart + bold[1].length + (bold[2].length - bold[2].trimStart().length);
      action.writtenTag = written;
      action.tagRange = { start: labelStart, end: labelStart + written.length };
      action.tag = byLowerCase.get(written.toLowerCase()) ?? null;
      action.text = text.slice(contentStart + bold[0].length, bodyEnd).trim();
    } else {
      const plain = PLAIN_LABEL.exec(head);
      const known = plain && byLowerCase.get(plain[1].toLowerCase());
      if (plain && known) {
        action.writtenTag = plain[1];
        action.tagRange = { start: contentStart, end: contentStart + plain[1].length };
        action.tag = known;
        action.text = text.slice(contentStart + plain[0].length, bodyEnd).trim();
      } else {
        const definition = TAG_DEFINITION.exec(head);
        if (definition && byLowerCase.has(definition[1].toLowerCase())) continue;
        action.text = text.slice(contentStart, bodyEnd).trim();
        if (headingTag) action.tag = headingTag;
      }
    }
    // The whole item, nested notes included ("  - Owner: Dana"), may name its fields.
    const fields = readFieldsInText(text.slice(action.tagRange ? action.tagRange.end : contentStart, range.end), action.tagRange ? action.tagRange.end : contentStart, incidentStart);
    Object.assign(action, fields);
    // A checkbox says it more plainly than a "status:" note.
    if (checked !== null) action.status = checked ? 'done' : 'open';
    items.push(action);
  }
  return items;
}
