import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_TEMPLATES,
  BUILTIN_TEMPLATE_NAMES,
  DEFAULT_TEMPLATE_NAME,
  getBuiltinTemplate,
} from '../../server/src/core/config/builtin-templates.js';
import { checkTemplate } from '../../server/src/core/config/template-check.js';
import { CONFIG_RULE_NAMES, configSchema, validateTemplateValue } from '../../server/src/core/config/validate.js';
import type { Template, TemplateSection } from '../../server/src/core/types.js';

const schemasDir = join(dirname(fileURLToPath(import.meta.url)), '../../schemas');
const templateFiles = readdirSync(join(schemasDir, 'templates')).filter((f) => f.endsWith('.json'));
const readJsonFile = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const schemaFiles = ['template.schema.json', 'config.schema.json'];

function allSections(sections: readonly TemplateSection[]): TemplateSection[] {
  return sections.flatMap((s) => [s, ...allSections(s.sections ?? [])]);
}
const outline = (sections: readonly TemplateSection[]): unknown[] =>
  sections.map((s) => (s.sections ? [s.title, outline(s.sections)] : s.title));

/** Every key anywhere in a JSON value. */
function allKeys(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(allKeys);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...allKeys(v)]);
  return [];
}

/** Every subschema that declares `properties`, with a path for messages. */
function objectSchemas(node: unknown, path = '#'): Array<[string, Record<string, unknown>]> {
  if (!node || typeof node !== 'object') return [];
  const found: Array<[string, Record<string, unknown>]> = [];
  const record = node as Record<string, unknown>;
  if (record.properties && typeof record.properties === 'object') found.push([path, record]);
  for (const [k, v] of Object.entries(record)) {
    if (k !== 'enum' && k !== 'examples' && k !== 'default') found.push(...objectSchemas(v, `${path}/${k}`));
  }
  return found;
}

describe('built-in templates', () => {
  it('has one JSON file per built-in template, named after it', () => {
    expect(templateFiles.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...BUILTIN_TEMPLATE_NAMES].sort());
    expect(BUILTIN_TEMPLATE_NAMES).toEqual(['default', 'google-sre', 'pagerduty', 'atlassian']);
    for (const [name, template] of Object.entries(BUILTIN_TEMPLATES)) expect(template.name).toBe(name);
    expect(DEFAULT_TEMPLATE_NAME).toBe('default');
  });

  it.each(templateFiles)('%s validates against template.schema.json', (file) => {
    const json = readJsonFile(join(schemasDir, 'templates', file));
    expect(validateTemplateValue(json)).toBeUndefined();
    expect(checkTemplate(json as Template)).toBeUndefined();
  });

  it.each(Object.keys(BUILTIN_TEMPLATES))('%s has a placeholder on every section that is safe inside an HTML comment', (name) => {
    for (const section of allSections(BUILTIN_TEMPLATES[name].sections)) {
      expect(section.placeholder, section.title).toBeTruthy();
      expect(section.placeholder).not.toMatch(/--|>|-$/);
    }
  });

  it.each(Object.keys(BUILTIN_TEMPLATES))('%s has exactly one timeline and one action-item section', (name) => {
    const kinds = allSections(BUILTIN_TEMPLATES[name].sections).map((s) => s.kind ?? 'text');
    expect(kinds.filter((k) => k === 'timeline')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'actions')).toHaveLength(1);
    expect(BUILTIN_TEMPLATES[name].timeline).toEqual({ order: 'ascending', defaultTimeZone: 'UTC' });
  });

  it('default matches the house postmortem format', () => {
    const t = BUILTIN_TEMPLATES.default;
    expect(outline(t.sections)).toEqual([
      'Impact',
      'Timeline',
      ['Root Cause and Resolution', ['Root Cause', 'Resolution']],
      'Corrective and Preventative Measures',
      'Lessons Learned',
      'Conclusion',
    ]);
    const byTitle = Object.fromEntries(allSections(t.sections).map((s) => [s.title, s]));
    expect(byTitle['Timeline'].kind).toBe('timeline');
    expect(byTitle['Corrective and Preventative Measures'].kind).toBe('actions');
    expect(byTitle['Corrective and Preventative Measures'].aliases).toEqual(
      expect.arrayContaining(['Corrective Actions', 'Action Items']),
    );
    expect(byTitle['Root Cause'].level).toBe(3);
    expect(allSections(t.sections).every((s) => s.required !== false)).toBe(true);
    expect(t.tags).toEqual(['Fix', 'Improvement', 'TODO']);
    expect(t.ordered).toBe(true);
  });

  it('google-sre follows the SRE book example', () => {
    const t = BUILTIN_TEMPLATES['google-sre'];
    expect(t.tags).toEqual(['Mitigate', 'Prevent', 'Process', 'Other']);
    const titles = t.sections.map((s) => s.title);
    expect(titles.slice(0, 9)).toEqual([
      'Summary', 'Impact', 'Root Causes', 'Trigger', 'Resolution', 'Detection', 'Action Items', 'Lessons Learned', 'Timeline',
    ]);
    const lessons = t.sections.find((s) => s.title === 'Lessons Learned')!;
    expect(lessons.sections?.map((s) => [s.title, s.required])).toEqual([
      ['What Went Well', false],
      ['What Went Wrong', false],
      ['Where We Got Lucky', false],
    ]);
  });

  it('pagerduty has How\'d We Do? and optional messaging children', () => {
    const t = BUILTIN_TEMPLATES.pagerduty;
    expect(t.sections.map((s) => s.title)).toEqual([
      'Overview', 'What Happened', 'Contributing Factors', 'Resolution', 'Impact', 'Responders', 'Timeline',
      "How'd We Do?", 'Action Items', 'Messaging',
    ]);
    expect(t.sections.find((s) => s.title === "How'd We Do?")!.aliases).toContain('How Did We Do');
    expect(t.sections.find((s) => s.title === 'Messaging')!.sections?.map((s) => [s.title, s.required])).toEqual([
      ['Internal', false],
      ['External', false],
    ]);
  });

  it('atlassian has its sections and Priority action tag', () => {
    const t = BUILTIN_TEMPLATES.atlassian;
    expect(t.sections.map((s) => s.title)).toEqual([
      'Incident summary', 'Leadup', 'Fault', 'Impact', 'Detection', 'Response', 'Recovery', 'Timeline',
      'Five whys', 'Root cause', 'Lessons learned', 'Corrective actions',
    ]);
    expect(t.tags).toEqual(['Fix', 'Improvement', 'TODO', 'Priority action']);
  });

  it('built-ins are frozen and looked up safely', () => {
    expect(Object.isFrozen(BUILTIN_TEMPLATES.default.sections[0])).toBe(true);
    expect(getBuiltinTemplate('google-sre')).toBe(BUILTIN_TEMPLATES['google-sre']);
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'nope']) {
      expect(getBuiltinTemplate(name)).toBeUndefined();
    }
  });
});

describe('schemas', () => {
  it('contain no regular expressions, nor do templates', () => {
    for (const file of [...schemaFiles, ...templateFiles.map((f) => `templates/${f}`)]) {
      const keys = allKeys(readJsonFile(join(schemasDir, file)));
      expect(keys, file).not.toContain('pattern');
      expect(keys, file).not.toContain('patternProperties');
    }
  });

  it.each(schemaFiles)('%s describes every property and forbids unknown keys', (file) => {
    const schema = readJsonFile(join(schemasDir, file));
    expect((schema as { $schema: string }).$schema).toBe('http://json-schema.org/draft-07/schema#');
    for (const [path, node] of objectSchemas(schema)) {
      expect(node.additionalProperties, path).toBe(false);
      for (const [key, property] of Object.entries(node.properties as Record<string, { description?: string }>)) {
        expect(property.description, `${path}/${key}`).toBeTruthy();
      }
    }
  });

  it('config schema lists the built-in templates and the rule names', () => {
    const template = configSchema.properties.template;
    for (const name of BUILTIN_TEMPLATE_NAMES) {
      expect(template.examples).toContain(name);
      expect(template.description).toContain(name);
    }
    expect(CONFIG_RULE_NAMES).toEqual([
      'front-matter-unreadable', 'missing-section', 'empty-section', 'duplicate-section', 'section-order', 'heading-level',
      'timeline-order', 'timeline-unreadable', 'timeline-window', 'timeline-empty', 'timeline-direction',
      'action-item-untagged', 'action-item-unknown-tag',
      'action-item-incomplete', 'missing-field', 'field-value', 'timeline-milestones', 'placeholder-text', 'blameless-language',
    ]);
  });

  it('rejects templates the schema cannot express as invalid', () => {
    const base: Omit<Template, 'sections'> = { name: 't', tags: ['Fix'], timeline: { order: 'ascending', defaultTimeZone: 'UTC' } };
    expect(checkTemplate({ ...base, sections: [{ title: 'Impact' }, { title: 'Effects', aliases: ['impact'] }] })?.message).toBe(
      'Heading "impact" belongs to both "Impact" and "Effects"',
    );
    expect(checkTemplate({ ...base, sections: [{ title: 'A' }, { title: 'A' }] })?.sections).toEqual(['A', 'A']);
    expect(checkTemplate({ ...base, sections: [{ title: 'A', level: 3, sections: [{ title: 'B', level: 3 }] }] })?.message).toMatch(
      /"B" has level 3 but is inside a level 3 section/,
    );
    expect(checkTemplate({ ...base, sections: [{ title: 'A', level: 6, sections: [{ title: 'B' }] }] })?.message).toMatch(/level 7/);
    expect(validateTemplateValue({ ...base, sections: [{ title: 'A', pattern: 'x' }] })?.keyword).toBe('additionalProperties');
  });
});
