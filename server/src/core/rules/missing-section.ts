import type { Rule } from './rule.js';
import { documentAnchor, quote } from './rule.js';
import { findSectionsFor, insertSectionFix } from '../fixes/insert-section.js';
import { renameCandidate, renameSectionFix } from '../fixes/rename-section.js';
import { documentSeverity, whenHolds } from '../fields.js';

export const missingSection: Rule = {
  name: 'missing-section',
  description: 'A section the template requires is absent.',
  defaultSeverity: 'error',
  fixable: true,
  check({ postmortem, template, index, cache, report }) {
    const severity = documentSeverity(postmortem, template);
    for (const entry of index.entries) {
      if (!entry.required) continue;
      // "Five Whys for SEV-1 and SEV-2": required only when the incident is that severe.
      if (entry.section.when && !whenHolds(entry.section.when, severity)) continue;
      // A missing parent already inserts its children; report it once.
      if (entry.parent && findSectionsFor(postmortem, entry.parent).length === 0) continue;
      if (findSectionsFor(postmortem, entry).length > 0) continue;
      const where = entry.parent ? ` under ${quote(entry.parent.section.title)}` : '';
      // Adding a section is the author's pick, never Fix All's: next to a heading that is the
      // section under another name it would leave an empty duplicate.
      const insert = { ...insertSectionFix(postmortem, entry, cache), fixAll: false };
      const candidate = renameCandidate(postmortem, entry);
      const rename = candidate && { ...renameSectionFix(postmortem, candidate.section, entry), isPreferred: candidate.sharesWord };
      if (rename?.isPreferred) insert.isPreferred = false;
      report({
        range: documentAnchor(postmortem),
        message: `Missing required section ${quote(entry.section.title)}${where}${entry.section.when ? ` (required for ${entry.section.when.severity.join(', ')})` : ''}.`,
        fixes: rename ? [rename, insert] : [insert],
      });
    }
  },
};
