import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../server/src/core/config/builtin-templates.js';
import { rangeAtPointer } from '../../server/src/core/config/json-location.js';
import {
  CONFIG_RULE_NAMES,
  mergeTemplate,
  resolveConfig,
  type ConfigHost,
  type ConfigProblem,
} from '../../server/src/core/config/load-config.js';
import { parseTree } from 'jsonc-parser';

/** Range of the first occurrence of `needle` in `text` (computed, never hard-coded). */
function at(text: string, needle: string, from = 0) {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`${needle} not in ${text}`);
  return { start, end: start + needle.length };
}

const customTemplate = JSON.stringify({
  name: 'ours',
  sections: [{ title: 'What' }, { title: 'Log', kind: 'timeline' }, { title: 'Todo', kind: 'actions' }],
  tags: ['Do'],
  timeline: { order: 'descending', defaultTimeZone: 'Europe/Berlin' },
});

function hostWith(files: Record<string, string>, calls: unknown[][] = []): ConfigHost {
  return {
    readTemplate(path, origin) {
      calls.push([path, origin]);
      return Object.hasOwn(files, path) ? files[path] : undefined;
    },
  };
}

const errors = (problems: ConfigProblem[]) => problems.filter((p) => p.severity === 'error');

describe('resolveConfig: basics', () => {
  it('no config file gives the default template and no problems', () => {
    const r = resolveConfig(undefined);
    expect(r.templateName).toBe('default');
    expect(r.template).toEqual(BUILTIN_TEMPLATES.default);
    expect(r.rules).toEqual({});
    expect(r.problems).toEqual([]);
  });

  it('an empty or comments-only file is the same as no settings', () => {
    expect(resolveConfig('  \n').problems).toEqual([]);
    expect(resolveConfig('// nothing yet\n/* later */').problems).toEqual([]);
    const unclosed = '/* oops';
    expect(resolveConfig(unclosed).problems).toEqual([
      { message: 'Comment is not closed', range: at(unclosed, unclosed), severity: 'error' },
    ]);
  });

  it('returns a copy: changing it leaves the built-in alone', () => {
    const r = resolveConfig(undefined);
    r.template.sections[0].title = 'Changed';
    r.template.tags.push('X');
    expect(BUILTIN_TEMPLATES.default.sections[0].title).toBe('Impact');
    expect(resolveConfig(undefined).template.tags).toEqual(['Fix', 'Improvement', 'TODO']);
  });

  it('applies a built-in template, rules, tags and timeline', () => {
    const text = JSON.stringify({
      $schema: './node_modules/postmortem/schemas/config.schema.json',
      template: 'google-sre',
      tags: ['Fix', 'Later'],
      timeline: { order: 'descending' },
      rules: { 'timeline-order': 'off', 'section-order': 'info' },
    });
    const r = resolveConfig(text);
    expect(r.problems).toEqual([]);
    expect(r.templateName).toBe('google-sre');
    expect(r.template.name).toBe('google-sre');
    expect(r.template.tags).toEqual(['Fix', 'Later']);
    expect(r.template.timeline).toEqual({ order: 'descending', defaultTimeZone: 'UTC' });
    expect(r.rules).toEqual({ 'timeline-order': 'off', 'section-order': 'info' });
  });

  it('accepts comments and trailing commas', () => {
    const text = '{\n  // strict team\n  "rules": { "empty-section": "error", },\n}';
    const r = resolveConfig(text);
    expect(r.problems).toEqual([]);
    expect(r.rules).toEqual({ 'empty-section': 'error' });
  });

  it('warns about duplicate keys and uses the last', () => {
    const text = '{"rules": {"empty-section": "off"}, "rules": {"empty-section": "info"}}';
    const r = resolveConfig(text);
    expect(r.problems).toEqual([
      { message: 'Duplicate key "rules"; the last one is used', range: at(text, '"rules"', 2), severity: 'warning' },
    ]);
    expect(r.rules).toEqual({ 'empty-section': 'info' });
  });
});

describe('resolveConfig: invalid JSON', () => {
  it('reports a missing comma where the comma belongs', () => {
    const text = '{"template": "default" "rules": {}}';
    const r = resolveConfig(text);
    expect(r.problems).toEqual([{ message: 'Expected a comma', range: at(text, '"rules"'), severity: 'error' }]);
    expect(r.templateName).toBe('default');
  });

  it('reports each parse error at its offset and falls back to defaults', () => {
    const text = '{"rules": {"timeline-order": "off" "empty-section": }, "tags": [1 2]}';
    const r = resolveConfig(text);
    expect(r.problems.map((p) => [p.message, p.range.start])).toEqual([
      ['Expected a comma', text.indexOf('"empty-section"')],
      ['Expected a value', text.indexOf('}')],
      ['Expected a comma', text.indexOf('2]')],
    ]);
    expect(r.rules).toEqual({});
    expect(r.template).toEqual(BUILTIN_TEMPLATES.default);
  });

  it('reads an unterminated string and unclosed object', () => {
    const text = '{"template": "default';
    const messages = resolveConfig(text).problems.map((p) => p.message);
    expect(messages).toContain('String is not closed');
  });

  it('refuses files over 1 MB with one problem at offset 0', () => {
    const text = `{"tags": ["${'x'.repeat(1024 * 1024)}"]}`;
    const r = resolveConfig(text);
    expect(r.problems).toEqual([{ message: 'Config file is larger than 1 MB; ignored', range: { start: 0, end: 0 }, severity: 'error' }]);
    expect(r.templateName).toBe('default');
  });

  it('survives 10,000 levels of nesting', () => {
    for (const text of ['['.repeat(10_000) + ']'.repeat(10_000), `{"sections": ${'{"a": '.repeat(10_000)}1${'}'.repeat(10_001)}`]) {
      let r: ReturnType<typeof resolveConfig> | undefined;
      expect(() => (r = resolveConfig(text))).not.toThrow();
      expect(errors(r!.problems)).toHaveLength(1);
      expect(r!.problems[0].message).toMatch(/Nested more than \d+ levels deep/);
      expect(r!.template).toEqual(BUILTIN_TEMPLATES.default);
    }
  });
});

describe('resolveConfig: schema errors', () => {
  it('names an unknown rule at its key, listing known rules', () => {
    const text = '{"rules": {"timeline-ordre": "error"}}';
    const [problem, ...rest] = resolveConfig(text).problems;
    expect(rest).toEqual([]);
    expect(problem.range).toEqual(at(text, '"timeline-ordre"'));
    expect(problem.message).toBe(
      `"rules"."timeline-ordre" is not a known rule. Known rules: ${CONFIG_RULE_NAMES.join(', ')}. Did you mean "timeline-order"?`,
    );
  });

  it('rejects a bad severity at the value', () => {
    for (const value of ['"err"', '3', 'null']) {
      const text = `{"rules": {"heading-level": ${value}}}`;
      expect(resolveConfig(text).problems).toEqual([
        { message: 'Severity must be one of error, warning, info, off', range: at(text, value), severity: 'error' },
      ]);
    }
  });

  it('points at an unknown key, top-level or nested', () => {
    let text = '{"template": "default", "foo": 1}';
    let [problem] = resolveConfig(text).problems;
    expect(problem.message).toMatch(/^Unknown key "foo"/);
    expect(problem.range).toEqual(at(text, '"foo"'));

    text = '{"tempalte": "pagerduty"}';
    [problem] = resolveConfig(text).problems;
    expect(problem.message).toBe('Unknown key "tempalte". Did you mean "template"?');

    text = '{"sections": {"Impact": {"require": false}}}';
    [problem] = resolveConfig(text).problems;
    expect(problem.message).toBe('Unknown key "require" in "sections"."Impact". Did you mean "required"?');
    expect(problem.range).toEqual(at(text, '"require"'));
  });

  it('describes wrong types, ranges, enums, empties and duplicates in words', () => {
    const cases: Array<[string, string, string]> = [
      ['{"sections": {"Impact": {"level": 9}}}', '9', '"sections"."Impact"."level" must be between 1 and 6'],
      ['{"sections": {"Impact": {"level": 2.5}}}', '2.5', '"sections"."Impact"."level" must be a whole number'],
      ['{"sections": {"Impact": {"kind": "list"}}}', '"list"', '"sections"."Impact"."kind" must be one of text, timeline, actions'],
      ['{"timeline": {"order": "up"}}', '"up"', '"timeline"."order" must be one of ascending, descending'],
      ['{"tags": []}', '[]', '"tags" must not be empty'],
      ['{"tags": ["Fix", 7]}', '7', '"tags"[1] must be a string'],
      ['{"tags": ["Fix", "Later", "Fix"]}', '"Fix"]', '"tags" lists "Fix" twice'],
      ['{"template": ""}', '""', '"template" must not be empty'],
      ['{"template": 3}', '3', '"template" must be a string'],
      ['{"rules": []}', '[]', '"rules" must be an object'],
      ['{"sections": {"": {}}}', '""', 'Keys in "sections" must not be empty'],
      ['[]', '[]', 'The config must be an object'],
    ];
    for (const [text, spot, message] of cases) {
      const range = at(text, spot);
      if (spot === '"Fix"]') range.end--; // the duplicate element, not the bracket
      expect(resolveConfig(text).problems, text).toEqual([{ message, range, severity: 'error' }]);
    }
  });

  it('an invalid config falls back to the default template and default severities', () => {
    const text = '{"template": "atlassian", "rules": {"timeline-order": "off"}, "foo": 1}';
    const r = resolveConfig(text);
    expect(r.templateName).toBe('default');
    expect(r.template).toEqual(BUILTIN_TEMPLATES.default);
    expect(r.rules).toEqual({});
  });
});

describe('resolveConfig: prototype pollution', () => {
  it.each([
    '{"__proto__": {"polluted": 1}}',
    '{"sections": {"__proto__": {"required": false}}}',
    '{"rules": {"constructor": "off"}, "sections": {"prototype": {"polluted": 1}}}',
    '{"timeline": {"__proto__": {"polluted": 1}, "order": "descending"}}',
  ])('%s changes no prototype and is reported at the key', (text) => {
    const r = resolveConfig(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).required).toBeUndefined();
    const key = text.match(/"(__proto__|constructor|prototype)"/)![0];
    expect(r.problems[0]).toEqual({ message: `Key ${key} is not allowed`, range: at(text, key), severity: 'error' });
    expect(r.template).toEqual(BUILTIN_TEMPLATES.default);
  });

  it('a template file with __proto__ keys pollutes nothing either', () => {
    const host = hostWith({ './t.json': '{"__proto__": {"polluted": 1}, "sections": [{"title": "A", "constructor": {"polluted": 1}}]}' });
    const text = '{"template": "./t.json"}';
    const r = resolveConfig(text, host);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.problems[0].message).toBe('Template ./t.json is invalid: Key "__proto__" is not allowed (line 1, column 2)');
    expect(r.problems[0].range).toEqual(at(text, '"./t.json"'));
  });
});

describe('resolveConfig: templates from files', () => {
  it('loads a custom template through the host', () => {
    const calls: unknown[][] = [];
    const r = resolveConfig('{"template": "./ours.json"}', hostWith({ './ours.json': customTemplate }, calls));
    expect(r.problems).toEqual([]);
    expect(calls).toEqual([['./ours.json', 'file']]);
    expect(r.templateName).toBe('./ours.json');
    expect(r.template.name).toBe('ours');
    expect(r.template.timeline.order).toBe('descending');
  });

  it('accepts a $schema key in a template file and drops it', () => {
    const withSchema = JSON.stringify({ $schema: '../template.schema.json', ...JSON.parse(customTemplate) });
    const r = resolveConfig('{"template": "t.json"}', hostWith({ 't.json': withSchema }));
    expect(r.problems).toEqual([]);
    expect(Object.keys(r.template)).not.toContain('$schema');
  });

  it('a missing template falls back to the default but keeps the rules', () => {
    const text = '{"template": "./x.json", "rules": {"timeline-order": "off"}, "tags": ["Only"]}';
    const r = resolveConfig(text, hostWith({}));
    expect(r.problems).toEqual([{ message: 'Template file ./x.json not found', range: at(text, '"./x.json"'), severity: 'error' }]);
    expect(r.templateName).toBe('default');
    expect(r.template).toEqual(BUILTIN_TEMPLATES.default);
    expect(r.rules).toEqual({ 'timeline-order': 'off' });
  });

  it('explains invalid template files, with the line and column inside them', () => {
    const badKind = customTemplate.replace('"kind":"timeline"', '"kind":"log"');
    const deep = `{"a": ${'['.repeat(10_000)}}`;
    const cases: Array<[string, string]> = [
      ['{\n  "name": "x"\n  "sections": []}', 'Template ./x.json is invalid: Expected a comma (line 3, column 3)'],
      [
        JSON.stringify({ name: 'x', sections: [{ title: 'A' }], timeline: { order: 'ascending', defaultTimeZone: 'UTC' } }),
        'Template ./x.json is invalid: The template is missing "tags" (line 1, column 1)',
      ],
      [
        badKind,
        `Template ./x.json is invalid: "sections"[1]."kind" must be one of text, timeline, actions (line 1, column ${badKind.indexOf('"log"') + 1})`,
      ],
      [
        customTemplate.replace('"title":"Log"', '"title":"What"'),
        'Template ./x.json is invalid: Heading "What" belongs to both "What" and "What"',
      ],
      ['{"name": "pkg", "version": "1.0.0"}', 'Template ./x.json is not a postmortem template: it has no "sections" list'],
      ['[1, 2]', 'Template ./x.json is not a postmortem template: it has no "sections" list'],
      ['{"template": "default", "rules": {}}', 'Template ./x.json is a postmortem config file, not a template'],
      // The 64th "[" is the 65th level, counting the outer "{".
      [deep, `Template ./x.json is invalid: Nested more than 64 levels deep; ignored (line 1, column ${deep.indexOf('[') + 63 + 1})`],
    ];
    for (const [templateText, message] of cases) {
      const text = '{"template": "./x.json", "rules": {"empty-section": "info"}}';
      const r = resolveConfig(text, hostWith({ './x.json': templateText }));
      expect(r.problems, templateText.slice(0, 80)).toEqual([{ message, range: at(text, '"./x.json"'), severity: 'error' }]);
      expect(r.template).toEqual(BUILTIN_TEMPLATES.default);
      expect(r.rules).toEqual({ 'empty-section': 'info' });
    }
  });

  it('rejects template references that cannot be a template file', () => {
    const cases: Array<[string, string]> = [
      ['googel-sre', 'Unknown template "googel-sre". Use one of default, google-sre, pagerduty, atlassian, or a relative path to a .json file. Did you mean "google-sre"?'],
      ['/etc/ours.json', 'Template path /etc/ours.json must be relative to the config file'],
      ['C:\\\\ours.json', 'Template path C:\\ours.json must be relative to the config file'],
      ['https://example.com/t.json', 'Template path https://example.com/t.json must be relative to the config file'],
      ['./templates/ours', 'Template file ./templates/ours must be a .json file'],
      ['./.postmortemrc.json', 'Template ./.postmortemrc.json is this config file; "template" must name a template file'],
      ['.postmortemrc.json', 'Template .postmortemrc.json is this config file; "template" must name a template file'],
    ];
    for (const [ref, message] of cases) {
      const text = `{"template": "${ref}"}`;
      const calls: unknown[][] = [];
      const r = resolveConfig(text, hostWith({ [ref]: customTemplate }, calls));
      expect(r.problems, ref).toEqual([{ message, range: at(text, `"${ref}"`), severity: 'error' }]);
      expect(calls).toEqual([]);
    }
  });

  it('reports a host that throws, and a missing host', () => {
    const text = '{"template": "./t.json"}';
    const throwing: ConfigHost = { readTemplate: () => { throw new Error('EACCES'); } };
    expect(resolveConfig(text, throwing).problems[0].message).toBe('Template file ./t.json could not be read: EACCES');
    expect(resolveConfig(text).problems[0].message).toBe('Template file ./t.json cannot be loaded here');
  });

  it('refuses template files over 1 MB', () => {
    const big = `{"sections": [], "x": "${'x'.repeat(1024 * 1024)}"}`;
    const r = resolveConfig('{"template": "./big.json"}', hostWith({ './big.json': big }));
    expect(r.problems[0].message).toBe('Template ./big.json is invalid: it is larger than 1 MB');
  });
});

describe('resolveConfig: overrides from editor settings', () => {
  it('settings win over the file', () => {
    const text = '{"template": "atlassian", "rules": {"timeline-order": "off", "empty-section": "info"}}';
    const r = resolveConfig(text, {}, { template: 'pagerduty', rules: { 'timeline-order': 'error' } });
    expect(r.problems).toEqual([]);
    expect(r.templateName).toBe('pagerduty');
    expect(r.rules).toEqual({ 'timeline-order': 'error', 'empty-section': 'info' });
  });

  it('apply without a config file, and an empty template setting means unset', () => {
    expect(resolveConfig(undefined, {}, { rules: { 'section-order': 'off' } }).rules).toEqual({ 'section-order': 'off' });
    expect(resolveConfig('{"template": "atlassian"}', {}, { template: '' }).templateName).toBe('atlassian');
  });

  it('apply even when the file is invalid', () => {
    const r = resolveConfig('{"foo": 1}', {}, { template: 'google-sre', rules: { 'heading-level': 'off' } });
    expect(r.templateName).toBe('google-sre');
    expect(r.rules).toEqual({ 'heading-level': 'off' });
  });

  it('a template path from settings is read with origin "settings"', () => {
    const calls: unknown[][] = [];
    const r = resolveConfig(undefined, hostWith({ 'pm/t.json': customTemplate }, calls), { template: 'pm/t.json' });
    expect(calls).toEqual([['pm/t.json', 'settings']]);
    expect(r.template.name).toBe('ours');
  });

  it('bad settings are problems marked as settings, never thrown', () => {
    const r = resolveConfig(undefined, hostWith({}), {
      template: './gone.json',
      rules: { 'timeline-ordr': 'off', 'empty-section': 'loud', 'heading-level': 'warning' } as never,
    });
    expect(r.problems).toEqual([
      { message: 'Setting "rules": "timeline-ordr" is not a known rule. Did you mean "timeline-order"?', range: { start: 0, end: 0 }, severity: 'error', origin: 'settings' },
      { message: 'Setting "rules"."empty-section": severity must be one of error, warning, info, off', range: { start: 0, end: 0 }, severity: 'error', origin: 'settings' },
      { message: 'Template file ./gone.json not found', range: { start: 0, end: 0 }, severity: 'error', origin: 'settings' },
    ]);
    expect(r.rules).toEqual({ 'heading-level': 'warning' });
    expect(r.templateName).toBe('default');
    expect(() => resolveConfig(undefined, {}, { rules: 'off' as never, template: 5 as never })).not.toThrow();
  });
});

describe('sections overrides and mergeTemplate', () => {
  it('changes existing sections by title or alias, case-insensitively, and adds new ones at the end', () => {
    const text = JSON.stringify({
      sections: {
        conclusion: { required: false },
        'action items': { aliases: ['Follow Up', 'Action Items'], placeholder: 'Tagged items.' },
        'Root Cause': { level: 4 },
        'Customer Communication': { placeholder: 'What we told customers.' },
      },
    });
    const r = resolveConfig(text);
    expect(r.problems).toEqual([]);
    const titles = r.template.sections.map((s) => s.title);
    expect(titles.at(-1)).toBe('Customer Communication');
    expect(r.template.sections.at(-1)).toEqual({ title: 'Customer Communication', placeholder: 'What we told customers.' });
    expect(r.template.sections.find((s) => s.title === 'Conclusion')!.required).toBe(false);
    const actions = r.template.sections.find((s) => s.kind === 'actions')!;
    expect(actions.placeholder).toBe('Tagged items.');
    expect(actions.aliases).toContain('Corrective Actions');
    expect(actions.aliases!.filter((a) => a.toLowerCase() === 'action items')).toHaveLength(1);
    expect(actions.aliases!.at(-1)).toBe('Follow Up');
    expect(r.template.sections[2].sections![0].level).toBe(4);
  });

  it('mergeTemplate never changes its input', () => {
    const base = structuredClone(BUILTIN_TEMPLATES.pagerduty);
    const before = structuredClone(base);
    const merged = mergeTemplate(base, {
      sections: { Messaging: { required: false }, Extra: { kind: 'text' } },
      tags: ['A'],
      timeline: { defaultTimeZone: 'America/New_York' },
    });
    expect(base).toEqual(before);
    expect(merged.sections.find((s) => s.title === 'Messaging')!.required).toBe(false);
    expect(merged.sections.at(-1)).toEqual({ title: 'Extra', kind: 'text' });
    expect(merged.tags).toEqual(['A']);
    expect(merged.timeline).toEqual({ order: 'ascending', defaultTimeZone: 'America/New_York' });
    expect(mergeTemplate(BUILTIN_TEMPLATES.default, {})).toEqual(BUILTIN_TEMPLATES.default);
  });

  it('overrides that make the template ambiguous are reported at their key', () => {
    const text = '{"sections": {"Lessons Learned": {"aliases": ["Impact"]}}, "rules": {"empty-section": "off"}}';
    const r = resolveConfig(text);
    expect(r.problems).toEqual([
      { message: 'Heading "Impact" belongs to both "Impact" and "Lessons Learned"', range: at(text, '"Lessons Learned"'), severity: 'error' },
    ]);
    expect(r.template).toEqual(BUILTIN_TEMPLATES.default);
    expect(r.rules).toEqual({});

    const withSettings = resolveConfig(text, {}, { template: 'atlassian' });
    expect(withSettings.templateName).toBe('atlassian');
    expect(withSettings.template).toEqual(BUILTIN_TEMPLATES.atlassian);
    expect(withSettings.problems).toHaveLength(1);

    const levels = '{"sections": {"Root Cause and Resolution": {"level": 3}}}';
    expect(resolveConfig(levels).problems[0]).toMatchObject({
      message: expect.stringMatching(/"Root Cause" has level 3 but is inside a level 3 section/),
      range: at(levels, '"Root Cause and Resolution"'),
    });
  });
});

describe('json-location', () => {
  it('maps pointers to values and keys, with escapes and array indices', () => {
    const text = '{"a/b": {"0": [10, {"~x": true}]}, "c": 1}';
    const root = parseTree(text)!;
    expect(rangeAtPointer(root, '/a~1b/0/1/~0x')).toEqual(at(text, 'true'));
    expect(rangeAtPointer(root, '/a~1b/0/0')).toEqual(at(text, '10'));
    expect(rangeAtPointer(root, '', 'c')).toEqual(at(text, '"c"'));
    // A pointer that runs off the tree lands on the deepest value it reached.
    expect(rangeAtPointer(root, '/c/zzz')).toEqual(at(text, '1}'.slice(0, 1), text.indexOf('"c"')));
  });
});
