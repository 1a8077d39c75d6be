import type { Rule } from './rule.js';
import { documentAnchor, quote } from './rule.js';
import { findSectionsFor, insertSectionFix } from '../fixes/insert-section.js';

export const missingSection: Rule = {
  name: 'missing-section',
  description: 'A section the template requires is absent.',
  defaultSeverity: 'error',
  fixable: true,
  check({ postmortem, index, cache, report }) {
    for (const entry of index.entries) {
      if (!entry.required) continue;
      // A missing parent already inserts its children; report it once.
      if (entry.parent && findSectionsFor(postmortem, entry.parent).length === 0) continue;
      if (findSectionsFor(postmortem, entry).length > 0) continue;
      const where = entry.parent ? ` under ${quote(entry.parent.section.title)}` : '';
      report({
        range: documentAnchor(postmortem),
        message: `Missing required section ${quote(entry.section.title)}${where}.`,
        fixes: [insertSectionFix(postmortem, entry, cache)],
      });
    }
  },
};
