// Applies `.postmortemrc.json` "sections", "tags" and "timeline" to a template,
// always returning fresh objects so built-in templates are never modified.
import type { Template, TemplateSection } from '../types.js';
import type { SectionOverride, TemplateOverrides } from './config-types.js';
import { normalizeTitle } from './template-check.js';

/** Copies only the fields a Template has (drops "$schema" and anything else). */
export function cloneTemplate(template: Template): Template {
  const copy: Template = {
    name: template.name,
    sections: template.sections.map(cloneSection),
    tags: [...template.tags],
    timeline: { ...template.timeline, ...(template.timeline.zoneAliases && { zoneAliases: { ...template.timeline.zoneAliases } }) },
  };
  if (template.description !== undefined) copy.description = template.description;
  if (template.ordered !== undefined) copy.ordered = template.ordered;
  // Plain JSON data: a deep copy is a JSON round trip.
  for (const key of ['fields', 'actionItems', 'milestones', 'blameless', 'placeholders'] as const) {
    if (template[key] !== undefined) (copy as unknown as Record<string, unknown>)[key] = JSON.parse(JSON.stringify(template[key]));
  }
  return copy;
}

function cloneSection(section: TemplateSection): TemplateSection {
  const copy: TemplateSection = { title: section.title };
  if (section.aliases !== undefined) copy.aliases = [...section.aliases];
  if (section.required !== undefined) copy.required = section.required;
  if (section.level !== undefined) copy.level = section.level;
  if (section.kind !== undefined) copy.kind = section.kind;
  if (section.placeholder !== undefined) copy.placeholder = section.placeholder;
  if (section.sections !== undefined) copy.sections = section.sections.map(cloneSection);
  if (section.when !== undefined) copy.when = { severity: [...section.when.severity] };
  return copy;
}

/** Finds a section anywhere in the tree by title, then by alias. */
export function findTemplateSection(sections: readonly TemplateSection[], title: string): TemplateSection | undefined {
  const key = normalizeTitle(title);
  const all: TemplateSection[] = [];
  const collect = (list: readonly TemplateSection[]) => list.forEach((s) => (all.push(s), collect(s.sections ?? [])));
  collect(sections);
  return (
    all.find((s) => normalizeTitle(s.title) === key) ??
    all.find((s) => (s.aliases ?? []).some((a) => normalizeTitle(a) === key))
  );
}

export function mergeTemplate(base: Template, config: TemplateOverrides): Template {
  const template = cloneTemplate(base);
  for (const title of Object.keys(config.sections ?? {})) {
    const override = (config.sections as Record<string, SectionOverride>)[title];
    const existing = findTemplateSection(template.sections, title);
    if (existing) applyOverride(existing, override);
    else template.sections.push(applyOverride({ title }, override));
  }
  if (config.tags !== undefined) template.tags = [...config.tags];
  if (config.timeline?.order !== undefined) template.timeline.order = config.timeline.order;
  if (config.timeline?.defaultTimeZone !== undefined) template.timeline.defaultTimeZone = config.timeline.defaultTimeZone;
  if (config.timeline?.dateOrder !== undefined) template.timeline.dateOrder = config.timeline.dateOrder;
  if (config.timeline?.zoneAliases !== undefined) template.timeline.zoneAliases = { ...template.timeline.zoneAliases, ...config.timeline.zoneAliases };
  return template;
}

function applyOverride(section: TemplateSection, override: SectionOverride): TemplateSection {
  if (override.required !== undefined) section.required = override.required;
  if (override.level !== undefined) section.level = override.level;
  if (override.kind !== undefined) section.kind = override.kind;
  if (override.placeholder !== undefined) section.placeholder = override.placeholder;
  if (override.aliases !== undefined) {
    // Added, not replaced: people add a spelling far more often than they ban one.
    const aliases = section.aliases ?? [];
    const seen = new Set([section.title, ...aliases].map(normalizeTitle));
    for (const alias of override.aliases) {
      if (!seen.has(normalizeTitle(alias))) aliases.push(alias);
      seen.add(normalizeTitle(alias));
    }
    section.aliases = aliases;
  }
  return section;
}
