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
      let body = '';
      let from = section.bodyRange.start;
      for (const child of section.children) {
        body += text.slice(from, child.headingRange.start);
        from = child.headingRange.end;
      }
      body += text.slice(from, section.bodyRange.end);
      const placeholder = section.template.placeholder?.trim();
      let rest = body.replace(NOISE, '');
      if (placeholder) rest = rest.split(placeholder).join('');
      if (rest.trim() === '') {
        report({ range: section.headingRange, message: `Section ${quote(section.title)} is empty: say what happened here, or remove it if it does not apply.` });
      }
    }
  },
};
