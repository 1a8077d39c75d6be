import type { Rule } from './rule.js';
import { quote } from './rule.js';

// What is left of a body once comments, rules (---) and whitespace are gone.
const NOISE = /<!--[\s\S]*?(?:-->|$)|^[ \t]{0,3}(?:[-*_][ \t]*){3,}$/gm;

export const emptySection: Rule = {
  name: 'empty-section',
  description: 'A template section has a heading but no content (an HTML comment or the placeholder does not count).',
  defaultSeverity: 'warning',
  fixable: false,
  check({ postmortem, text, report }) {
    for (const section of postmortem.allSections) {
      if (!section.template) continue;
      // Child headings are not content, but their bodies are.
      const parts: [number, number][] = [];
      let from = section.bodyRange.start;
      for (const child of section.children) {
        parts.push([from, child.headingRange.start]);
        from = child.headingRange.end;
      }
      parts.push([from, section.bodyRange.end]);
      const placeholder = section.template.placeholder?.trim();
      if (startsWithContent(text, parts, placeholder)) continue;
      let rest = parts.map(([start, end]) => text.slice(start, end)).join('').replace(NOISE, '');
      if (placeholder) rest = rest.split(placeholder).join('');
      if (rest.trim() === '') {
        report({ range: section.headingRange, message: `Section ${quote(section.title)} is empty: say what happened here, or remove it if it does not apply.` });
      }
    }
  },
};

/**
 * A body whose first visible character can start neither a comment, a rule (---), nor the
 * placeholder has content: exact, and it spares the whole-body regex on every keystroke.
 */
function startsWithContent(text: string, parts: [number, number][], placeholder: string | undefined): boolean {
  for (const [start, end] of parts) {
    for (let i = start; i < end; i++) {
      const char = text[i];
      if (/\s/.test(char)) continue;
      return !'<-*_'.includes(char) && char !== placeholder?.[0];
    }
  }
  return false;
}
