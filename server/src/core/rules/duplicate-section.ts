import type { Rule } from './rule.js';
import { quote } from './rule.js';
import type { Section, TemplateSection } from '../types.js';

export const duplicateSection: Rule = {
  name: 'duplicate-section',
  description: 'The same template section appears more than once.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ postmortem, report }) {
    const first = new Map<TemplateSection, Section>();
    for (const section of postmortem.allSections) {
      if (!section.template) continue;
      const earlier = first.get(section.template);
      if (!earlier) {
        first.set(section.template, section);
        continue;
      }
      report({
        range: section.headingRange,
        message: `Section ${quote(section.template.title)} appears twice; merge this one into the first.`,
        related: [{ range: earlier.headingRange, message: 'First appearance' }],
      });
    }
  },
};
