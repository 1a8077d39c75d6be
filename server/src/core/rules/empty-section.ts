import type { Rule } from './rule.js';
import { quote } from './rule.js';
import { hasContent } from './section-content.js';

export const emptySection: Rule = {
  name: 'empty-section',
  description: 'A template section has a heading but no content (an HTML comment or the placeholder does not count).',
  defaultSeverity: 'warning',
  fixable: false,
  check({ postmortem, index, text, report }) {
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
      if (hasContent(parts.map(([start, end]) => text.slice(start, end)).join(''), placeholder)) continue;
      // Its template sub-sections say what to write, and are reported themselves while empty.
      if (section.children.some((child) => child.template)) continue;
      const required = index.entryOf(section.template)?.required ?? true;
      report({
        range: section.headingRange,
        // Removing a required section is an error of its own (missing-section): do not suggest it.
        message: required
          ? `Section ${quote(section.title)} is empty: say what happened here.`
          : `Section ${quote(section.title)} is empty: say what happened here, or remove it if it does not apply.`,
      });
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
