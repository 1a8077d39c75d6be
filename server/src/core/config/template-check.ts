// Checks the schema cannot express: every heading text belongs to one section,
// and subsections sit deeper than their parents.
import type { Template, TemplateSection } from '../types.js';

/** Heading text as compared: case, surrounding space, runs of space and a trailing colon don't matter. */
export function normalizeTitle(title: string): string {
  return title.trim().replace(/:$/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface TemplateIssue {
  message: string;
  /** Titles of the sections involved. */
  sections: string[];
}

export function checkTemplate(template: Template): TemplateIssue | undefined {
  const owners = new Map<string, TemplateSection>();
  const visit = (sections: readonly TemplateSection[], parent?: { title: string; level: number }): TemplateIssue | undefined => {
    for (const section of sections) {
      for (const heading of [section.title, ...(section.aliases ?? [])]) {
        const key = normalizeTitle(heading);
        const owner = owners.get(key);
        if (owner !== undefined && owner !== section) {
          const message = `Heading "${heading}" belongs to both "${owner.title}" and "${section.title}"`;
          return { message, sections: [owner.title, section.title] };
        }
        owners.set(key, section);
      }
      const level = section.level ?? (parent ? parent.level + 1 : 2);
      const involved = parent ? [parent.title, section.title] : [section.title];
      if (parent && level <= parent.level) {
        return {
          message: `Section "${section.title}" has level ${level} but is inside a level ${parent.level} section; subsections need a higher level`,
          sections: involved,
        };
      }
      if (level > 6) return { message: `Section "${section.title}" would have heading level ${level}; the deepest is 6`, sections: involved };
      const inner = visit(section.sections ?? [], { title: section.title, level });
      if (inner) return inner;
    }
    return undefined;
  };
  return visit(template.sections);
}
