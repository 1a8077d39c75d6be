// Which template sections a document lacks, for the "insert section" command and heading completion.
import type { Postmortem, Template } from '../types.js';
import { indexTemplate, type TemplateEntry } from '../template-index.js';
import { findSectionsFor } from '../fixes/insert-section.js';
import { normalizeTitle } from '../parse/titles.js';

/**
 * Template sections with no heading in the document, depth-first in template order. A child
 * whose parent is missing too is left out: inserting the parent brings its required children.
 */
export function missingSections(postmortem: Postmortem, template: Template): TemplateEntry[] {
  const missing: TemplateEntry[] = [];
  const visit = (entries: TemplateEntry[]) => {
    for (const entry of entries) {
      if (findSectionsFor(postmortem, entry).length === 0) missing.push(entry);
      else visit(entry.children);
    }
  };
  visit(indexTemplate(template).topLevel);
  return missing;
}

/** The template section a title names (its title or an alias, matched as headings are). */
export function findTemplateEntry(template: Template, title: string): TemplateEntry | undefined {
  const index = indexTemplate(template);
  const key = normalizeTitle(title);
  return index.entries.find((entry) => entry.section.title === title) ?? index.byKey.get(key)?.[0];
}

/** Whether the document has a heading for this template section. */
export function hasSection(postmortem: Postmortem, entry: TemplateEntry): boolean {
  return findSectionsFor(postmortem, entry).length > 0;
}
