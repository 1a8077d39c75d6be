import type { Rule } from './rule.js';
import { quote } from './rule.js';

export const headingLevel: Rule = {
  name: 'heading-level',
  description: 'A template section is written at a different heading level than the template asks for.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ postmortem, index, text, report }) {
    for (const section of postmortem.allSections) {
      const entry = section.template && index.entryOf(section.template);
      // Levels count from the document's title: under an H2 title, sections are H3.
      const level = entry && Math.min(entry.level + postmortem.headingOffset, 6);
      if (!entry || !level || level === section.level) continue;
      const hashes = '#'.repeat(level);
      const marker = /^#{1,6}/.exec(text.slice(section.headingRange.start, section.headingRange.start + 6));
      report({
        range: section.headingRange,
        message: `Section ${quote(section.title)} should be a level ${level} heading (${hashes}), not level ${section.level}.`,
        // Setext headings (underlined) only have levels 1 and 2; rewriting them is left to the author.
        fixes:
          section.style === 'atx' && marker
            ? [{ title: `Make ${quote(section.title)} a ${hashes} heading`, isPreferred: true, edits: [{ start: section.headingRange.start, end: section.headingRange.start + marker[0].length, newText: hashes }] }]
            : [],
      });
    }
  },
};
