import type { Template, TemplateSection, SectionKind } from './types.js';
import { normalizeTitle } from './parse/titles.js';

/** A template section with what its position in the template implies. */
export interface TemplateEntry {
  section: TemplateSection;
  level: number;
  kind: SectionKind;
  required: boolean;
  parent?: TemplateEntry;
  siblings: TemplateEntry[];
  children: TemplateEntry[];
  /** Position among its siblings, which is the order the template asks for. */
  index: number;
  keys: string[];
}

export interface TemplateIndex {
  template: Template;
  /** Depth-first, in template order. */
  entries: TemplateEntry[];
  topLevel: TemplateEntry[];
  byKey: Map<string, TemplateEntry[]>;
  tags: string[];
  entryOf(section: TemplateSection): TemplateEntry | undefined;
}

const cache = new WeakMap<Template, TemplateIndex>();

export function indexTemplate(template: Template): TemplateIndex {
  const cached = cache.get(template);
  if (cached) return cached;
  const entries: TemplateEntry[] = [];
  const byKey = new Map<string, TemplateEntry[]>();
  const bySection = new Map<TemplateSection, TemplateEntry>();
  const visit = (sections: TemplateSection[], parent: TemplateEntry | undefined, defaultLevel: number): TemplateEntry[] => {
    const siblings: TemplateEntry[] = [];
    sections.forEach((section, index) => {
      const keys = [...new Set([section.title, ...(section.aliases ?? [])].map(normalizeTitle))];
      const entry: TemplateEntry = {
        section,
        level: section.level ?? defaultLevel,
        kind: section.kind ?? 'text',
        required: section.required ?? true,
        parent,
        siblings,
        children: [],
        index,
        keys,
      };
      siblings.push(entry);
      entries.push(entry);
      bySection.set(section, entry);
      for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), entry]);
      entry.children = visit(section.sections ?? [], entry, entry.level + 1);
    });
    return siblings;
  };
  const topLevel = visit(template.sections, undefined, 2);
  const index: TemplateIndex = {
    template,
    entries,
    topLevel,
    byKey,
    tags: template.tags,
    entryOf: (section) => bySection.get(section),
  };
  cache.set(template, index);
  return index;
}
