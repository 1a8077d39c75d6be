// "Rename to <Section>": when a required section is missing and a heading the template does not
// know shares a word with it ("Corrective and Preventative Measures" for "Action Items", whose
// aliases say "Corrective Actions"), that heading is most likely the missing section under
// another name. Inserting a second, empty one next to it would be wrong. (Position alone is too
// weak a hint: an extra "Appendix" after the last section is not a missing "Conclusion".)
import type { Fix, Postmortem, Section } from '../types.js';
import type { TemplateEntry } from '../template-index.js';
import { findSectionsFor } from './insert-section.js';

const STOP_WORDS = new Set(['and', 'the', 'what', 'when', 'where', 'went', 'from', 'with', 'incident', 'postmortem', 'notes']);

export interface RenameCandidate {
  section: Section;
  /** It shares a word with the missing section's title or aliases. */
  sharesWord: boolean;
}

/** The unknown heading most plausibly the missing section, if any. */
export function renameCandidate(postmortem: Postmortem, entry: TemplateEntry): RenameCandidate | undefined {
  const parent = entry.parent && findSectionsFor(postmortem, entry.parent)[0];
  if (entry.parent && !parent) return undefined;
  const siblings = parent ? parent.children : postmortem.sections;
  const unknown = siblings.filter((section) => !section.template);
  const words = new Set(entry.keys.flatMap(stems));
  const sharing = unknown.find((section) => stems(section.key).some((stem) => words.has(stem)));
  return sharing && { section: sharing, sharesWord: true };
}

/** Significant words, cut to five letters so "Cause" meets "Causes" and "Corrective" meets "Correction". */
function stems(key: string): string[] {
  return key
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 4 && !STOP_WORDS.has(word))
    .map((word) => word.slice(0, 5));
}

export function renameSectionFix(postmortem: Postmortem, section: Section, entry: TemplateEntry): Fix {
  const { start, end } = section.headingRange;
  // An underlined (setext) heading becomes an ATX one: the template's level may not exist in setext.
  const line = postmortem.text.slice(start, end);
  const hashes = section.style === 'atx' ? /^ {0,3}#{1,6}/.exec(line)?.[0].trimStart() ?? '#'.repeat(entry.level) : '#'.repeat(entry.level);
  return {
    title: `Rename “${section.title}” to “${entry.section.title}”`,
    fixAll: false,
    edits: [{ start, end, newText: `${hashes} ${entry.section.title}` }],
  };
}
