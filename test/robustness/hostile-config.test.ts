// Hostile .postmortemrc.json files and template files: each gives a problem at the exact place in
// the config, the default template, no polluted prototype, and no exception.
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUILTIN_TEMPLATES, resolveConfig, type ConfigHost, type ResolvedConfig } from '../../server/src/core/index.js';
import { AJV_OPTIONS, ajvInstanceOptions, configSchema, templateSchema } from '../../server/src/core/config/validate.js';
import { fileTemplateHost } from '../../server/src/node/config-files.js';

/** Range of the first occurrence of `needle` in `text`, computed, never hard-coded. */
function at(text: string, needle: string, from = 0) {
  const start = text.indexOf(needle, from);
  if (start < 0) throw new Error(`${JSON.stringify(needle)} not in the text`);
  return { start, end: start + needle.length };
}

/** Everything on the shared prototypes, to compare before and after. */
function prototypes(): string {
  const describe = (o: object) =>
    Object.getOwnPropertyNames(o)
      .sort()
      .map((k) => `${k}:${typeof Object.getOwnPropertyDescriptor(o, k)?.value}`)
      .join(',');
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map(describe).join('|');
}
const before = prototypes();

function expectSafe(resolved: ResolvedConfig): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  expect(prototypes()).toBe(before);
  expect(resolved.template).toEqual(BUILTIN_TEMPLATES.default);
  expect(resolved.templateName).toBe('default');
}

/** resolveConfig must not throw, must fall back to the default template, and must report `range`. */
function hostile(text: string, range: { start: number; end: number }, message: RegExp, host?: ConfigHost): ResolvedConfig {
  let resolved: ResolvedConfig | undefined;
  expect(() => (resolved = resolveConfig(text, host))).not.toThrow();
  expectSafe(resolved!);
  expect(resolved!.problems).toContainEqual(expect.objectContaining({ range, message: expect.stringMatching(message) }));
  return resolved!;
}

afterEach(() => {
  // Belt and braces: if a case did pollute, do not let it leak into the next one.
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe('hostile config text', () => {
  it('invalid JSON: each syntax error where it is', () => {
    let text = '{"template": "default",, "rules": {}}';
    hostile(text, at(text, ',', text.indexOf(',') + 1), /Expected a property name|Expected a value/);
    text = '{"template": "default" "rules": {}}';
    hostile(text, at(text, '"rules"'), /Expected a comma/);
    text = "{'template': 'default'}";
    hostile(text, at(text, "'template'"), /Unexpected character|property name/);
    text = '{"template": "google-sre"';
    hostile(text, { start: text.length, end: text.length }, /closing brace/);
    text = '\u0000\uFFFE{}';
    hostile(text, at(text, '\u0000\uFFFE'), /Unexpected character/);
  });

  it('wrong types: at the value', () => {
    for (const [text, value, message] of [
      ['{"template": 42}', '42', /"template" must be a string/],
      ['{"template": ""}', '""', /must not be empty/],
      ['{"rules": {"timeline-order": 1}}', '1', /Severity must be one of/],
      ['{"rules": []}', '[]', /"rules" must be an object/],
      ['{"tags": "Fix"}', '"Fix"', /"tags" must be a list/],
      ['{"tags": ["Fix", "Fix"]}', '"Fix"]', /twice/],
      ['{"sections": {"Impact": {"level": 9}}}', '9', /level/],
      ['{"timeline": {"order": "sideways"}}', '"sideways"', /one of ascending, descending/],
      ['[1, 2, 3]', '[1, 2, 3]', /The config must be an object/],
      ['"default"', '"default"', /The config must be an object/],
    ] as const) {
      const range = value === '"Fix"]' ? { start: text.lastIndexOf('"Fix"'), end: text.lastIndexOf('"Fix"') + 5 } : at(text, value);
      hostile(text, range, message);
    }
  });

  it('unknown keys: at the key, with a suggestion', () => {
    let text = '{"tempalte": "google-sre"}';
    hostile(text, at(text, '"tempalte"'), /Unknown key "tempalte".*template/);
    text = '{"rules": {"timeline-ordr": "off"}}';
    hostile(text, at(text, '"timeline-ordr"'), /not a known rule.*timeline-order/);
    text = '{"timeline": {"order": "ascending", "zone": "UTC"}}';
    hostile(text, at(text, '"zone"'), /Unknown key "zone"/);
  });

  it('__proto__, constructor and prototype keys: refused at the key, nothing polluted', () => {
    for (const text of [
      '{"__proto__": {"polluted": "yes"}}',
      '{"constructor": {"prototype": {"polluted": "yes"}}}',
      '{"rules": {"__proto__": {"polluted": "yes"}}}',
      '{"sections": {"__proto__": {"polluted": "yes"}}}',
      '{"sections": {"Impact": {"__proto__": {"polluted": "yes"}}}}',
      '{"sections": {"constructor": {"required": false}}}',
      '{"timeline": {"constructor": {"prototype": {"polluted": "yes"}}}}',
      '{"tags": [{"__proto__": {"polluted": "yes"}}]}',
    ]) {
      const key = /"(__proto__|constructor)"/.exec(text)![0];
      hostile(text, at(text, key), /is not allowed/);
    }
    // The same through a template file the host returns.
    const host: ConfigHost = { readTemplate: () => '{"__proto__": {"polluted": 1}, "sections": [{"title": "A"}], "tags": ["X"], "timeline": {"order": "ascending", "defaultTimeZone": "UTC"}}' };
    const text = '{"template": "./evil.json"}';
    hostile(text, at(text, '"./evil.json"'), /Key "__proto__" is not allowed/, host);
  });

  it('__proto__ in the editor settings is refused too', () => {
    const rules = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "off"}') as Record<string, never>;
    const resolved = resolveConfig(undefined, {}, { rules });
    expectSafe(resolved);
    expect(resolved.problems.map((p) => p.message)).toEqual([
      'Setting "rules": "__proto__" is not a known rule.',
      expect.stringMatching(/^Setting "rules": "constructor" is not a known rule/),
    ]);
    expect(Object.getPrototypeOf(resolved.rules)).toBe(Object.prototype);
  });

  it('10,000-deep nesting: one problem where the nesting gets too deep', () => {
    for (const [open, close] of [['[', ']'], ['{"a": ', '}']]) {
      const text = `{"sections": ${open.repeat(10_000)}1${close.repeat(10_000)}}`;
      // The 65th opening bracket of either kind (the root object is the first level).
      let offset = -1;
      for (let depth = 0; depth < 65; depth++) offset = text.slice(offset + 1).search(/[[{]/) + offset + 1;
      hostile(text, { start: offset, end: offset + 1 }, /Nested more than 64 levels deep/);
    }
  });

  it('a 10 MB file: refused at the start, never parsed', () => {
    // Left unclosed on purpose: had it been parsed, a syntax problem would be reported too.
    const text = `{"tags": ["${'x'.repeat(10 * 1024 * 1024)}`;
    const resolved = hostile(text, { start: 0, end: 0 }, /larger than 1 MB/);
    expect(resolved.problems).toHaveLength(1);
  });

  it('the config naming itself, or a config where a template belongs', () => {
    let text = '{"template": ".postmortemrc.json"}';
    hostile(text, at(text, '".postmortemrc.json"'), /is this config file/);
    text = '{"template": "./.PostmortemRC.json"}';
    hostile(text, at(text, '"./.PostmortemRC.json"'), /is this config file/);
    // Reached another way, the file is read, and recognised as a config rather than a template.
    text = '{"template": "sub/../.postmortemrc.json"}';
    hostile(text, at(text, '"sub/../.postmortemrc.json"'), /is a postmortem config file, not a template/, { readTemplate: () => text });
  });

  it('template references that are not relative paths are refused before the host is asked', () => {
    const readTemplate = vi.fn(() => undefined);
    for (const ref of ['/etc/passwd.json', 'C:\\\\x.json', '\\\\\\\\server\\\\share\\\\t.json', 'https://evil.example/t.json', 'file:///etc/t.json', '~/t.json', 'data:application/json,{}']) {
      const text = `{"template": ${JSON.stringify(ref)}}`;
      hostile(text, at(text, JSON.stringify(ref)), /must be relative|must be a \.json file|Unknown template/, { readTemplate });
    }
    expect(readTemplate).not.toHaveBeenCalled();
  });

  it('a $schema key naming a remote schema is ignored: nothing is fetched', () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(() => {
      throw new Error('fetched');
    });
    try {
      const resolved = resolveConfig('{"$schema": "https://evil.example/schema.json", "template": "pagerduty"}');
      expect(resolved.problems).toEqual([]);
      expect(resolved.templateName).toBe('pagerduty');
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      fetch.mockRestore();
    }
  });

  it('random JSON with hostile keys never throws, never pollutes, and reports inside the text', () => {
    const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'template', 'rules', 'sections', 'tags', 'timeline', 'toString', 'hasOwnProperty', 'valueOf');
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ maxDepth: 4 }, fc.jsonValue({ maxDepth: 1 }), fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), tie('node'), { maxKeys: 4 }), fc.array(tie('node'), { maxLength: 3 })),
    })).node;
    const text = fc.oneof(
      value.map((v) => JSON.stringify(v)),
      fc.tuple(value.map((v) => JSON.stringify(v)), fc.nat(), fc.string({ maxLength: 3 })).map(([s, i, noise]) => s.slice(0, i % (s.length + 1)) + noise + s.slice(i % (s.length + 1))),
    );
    fc.assert(
      fc.property(text, (configText) => {
        const resolved = resolveConfig(configText);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        for (const p of resolved.problems) {
          expect(p.range.start).toBeGreaterThanOrEqual(0);
          expect(p.range.end).toBeLessThanOrEqual(configText.length);
          expect(p.range.start).toBeLessThanOrEqual(p.range.end);
        }
        // A config with any error falls back to the default template.
        if (resolved.problems.some((p) => p.severity === 'error')) expect(resolved.template).toEqual(BUILTIN_TEMPLATES.default);
      }),
      { numRuns: 1000 },
    );
    expect(prototypes()).toBe(before);
  });
});

describe('ajv: strict, first error only, no $data, no remote $ref', () => {
  it('is configured that way, and the live instance uses it', () => {
    expect(AJV_OPTIONS).toEqual({ strict: true, allErrors: false, verbose: true, $data: false });
    expect(Object.isFrozen(AJV_OPTIONS)).toBe(true);
    const live = ajvInstanceOptions();
    expect(live).toMatchObject({ strict: true, allErrors: false, $data: false });
    // No loader: ajv cannot fetch a remote $ref (compileAsync would need one).
    expect(live.loadSchema).toBeUndefined();
  });

  it('our schemas only reference themselves', () => {
    const refs: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' || key === '$dynamicRef' || key === '$recursiveRef') refs.push(String(value));
          else walk(value);
        }
      }
    };
    walk(configSchema);
    walk(templateSchema);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref).toMatch(/^#\//);
  });
});

describe('template files on disk (fileTemplateHost)', () => {
  let root: string;
  let workspace: string;
  let outside: string;
  const template = JSON.stringify({ name: 'team', sections: [{ title: 'What' }], tags: ['Do'], timeline: { order: 'ascending', defaultTimeZone: 'UTC' } });

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'pm-hostile-'));
    workspace = join(root, 'workspace');
    outside = join(root, 'outside');
    mkdirSync(join(workspace, 'docs'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(outside, 'team.json'), template);
    writeFileSync(join(workspace, 'team.json'), template);
    writeFileSync(join(workspace, 'big.json'), `{"name": "${'x'.repeat(2 * 1024 * 1024)}"}`);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads a template inside the workspace, from a config in a subfolder', () => {
    const resolved = resolveConfig('{"template": "../team.json"}', fileTemplateHost(join(workspace, 'docs'), workspace));
    expect(resolved.problems).toEqual([]);
    expect(resolved.template.name).toBe('team');
  });

  it('refuses a template path that leaves the workspace: problem at the path, default template', () => {
    for (const ref of ['../outside/team.json', '../../outside/team.json', 'docs/../../outside/team.json']) {
      const text = `{"template": ${JSON.stringify(ref)}}`;
      const configDir = ref.startsWith('../../') ? join(workspace, 'docs') : workspace;
      hostile(text, at(text, JSON.stringify(ref)), new RegExp(ref.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')), fileTemplateHost(configDir, workspace));
    }
  });

  it('refuses a template over 1 MB', () => {
    const text = '{"template": "./big.json"}';
    hostile(text, at(text, '"./big.json"'), /big\.json/, fileTemplateHost(workspace, workspace));
  });
});

describe('template files on disk: symbolic links and refusal reasons', () => {
  let root: string;
  let workspace: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'pm-hostile-link-'));
    workspace = join(root, 'workspace');
    mkdirSync(workspace);
    mkdirSync(join(root, 'outside'));
    writeFileSync(join(root, 'outside', 'secret.json'), JSON.stringify({ name: 'secret', sections: [{ title: 'Secret' }], tags: ['X'], timeline: { order: 'ascending', defaultTimeZone: 'UTC' } }));
    symlinkSync(join(root, 'outside', 'secret.json'), join(workspace, 'team.json'));
    symlinkSync(join(root, 'outside'), join(workspace, 'linked'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  // The boundary is checked on the real path: a link must not make us read a file outside the workspace.
  it('a symlink inside the workspace that points outside it is not followed', () => {
    for (const ref of ['./team.json', './linked/secret.json']) {
      const text = `{"template": ${JSON.stringify(ref)}}`;
      const resolved = resolveConfig(text, fileTemplateHost(workspace, workspace));
      expect(resolved.template.name).toBe('default');
      expect(resolved.problems[0]?.range).toEqual(at(text, JSON.stringify(ref)));
    }
  });

  // A refused file is not "not found": the problem says why it was not read.
  it('says why a template outside the workspace was not read', () => {
    const text = '{"template": "../outside/secret.json"}';
    const resolved = resolveConfig(text, fileTemplateHost(workspace, workspace));
    expect(resolved.problems[0].message).toMatch(/outside the workspace/);
  });
});
