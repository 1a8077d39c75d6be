// Where an inserted section lands, in words for the Insert Section picker ("after Lessons Learned"),
// and where the cursor goes once it is in (its placeholder, ready to be typed over).
import type { Postmortem, TextEdit } from '../types.js';
import type { TemplateEntry } from '../template-index.js';
import { findSectionsFor } from '../fixes/insert-section.js';

/** Mirrors insertionOffset (fixes/insert-section.ts): the section it goes after, before or into. */
export function placementOf(postmortem: Postmortem, entry: TemplateEntry): string {
  for (let i = entry.index - 1; i >= 0; i--) {
    const found = findSectionsFor(postmortem, entry.siblings[i]);
    if (found.length) return `after ${found[found.length - 1].title}`;
  }
  for (let i = entry.index + 1; i < entry.siblings.length; i++) {
    const found = findSectionsFor(postmortem, entry.siblings[i]);
    if (found.length) return `before ${found[0].title}`;
  }
  if (entry.parent) {
    const parents = findSectionsFor(postmortem, entry.parent);
    if (parents.length) return `at the end of ${parents[0].title}`;
  }
  return 'at the end';
}

const HEADING = /^ {0,3}#{1,6}[ \t]+\S.*$/m;
const PLACEHOLDER = /^[ \t]*(<!--[\s\S]*?-->)/;

/**
 * After applying `edits` to `text`: the range (offsets in the edited text) of the first section
 * heading they insert — its placeholder comment when one follows, else the end of the heading
 * line. Undefined when the edits add no heading.
 */
export function insertedSectionSelection(text: string, edits: readonly TextEdit[]): { start: number; end: number } | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let shift = 0;
  for (const edit of sorted) {
    const heading = HEADING.exec(edit.newText);
    if (heading) {
      // Offset in the edited text: earlier edits moved this one by `shift`.
      const headingEnd = edit.start + shift + heading.index + heading[0].length;
      const after = edit.newText.slice(heading.index + heading[0].length).replace(/^(?:\r?\n)+/, '');
      const skipped = edit.newText.length - (heading.index + heading[0].length) - after.length;
      const placeholder = PLACEHOLDER.exec(after);
      if (placeholder) {
        const start = headingEnd + skipped + placeholder[0].length - placeholder[1].length;
        return { start, end: start + placeholder[1].length };
      }
      return { start: headingEnd, end: headingEnd };
    }
    shift += edit.newText.length - (edit.end - edit.start);
  }
  return undefined;
}
