// Workspace Trust: in an untrusted workspace no template is read from a workspace path, the
// built-in templates still lint, and the config problem says why. Nothing from the workspace is
// ever executed: templates and configs are JSON data.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUILTIN_TEMPLATES, resolveConfig, type ConfigHost } from '../../server/src/core/index.js';
import { findConfigFile, fileTemplateHost } from '../../server/src/node/config-files.js';
import { LspTestClient, ROOT, uriOf } from '../support/lsp-client.js';

const TEAM_TEMPLATE = JSON.stringify({
  name: 'team',
  sections: [{ title: 'What Happened' }, { title: 'Next Steps', kind: 'actions' }],
  tags: ['Do'],
  timeline: { order: 'ascending', defaultTimeZone: 'UTC' },
});
const CONFIG = '{\n  "template": "./team-template.json"\n}\n';
const POSTMORTEM = '# Postmortem: Disk full\n\n## Impact\n\nUploads failed for an hour.\n\n## What Happened\n\nThe disk filled up.\n';

/** A host like the server's in an untrusted workspace: it reads nothing and says why. */
const untrustedHost = (asked: string[]): ConfigHost => ({
  readTemplate(path) {
    asked.push(path);
    throw new Error('not loaded because this workspace is not trusted');
  },
});

describe('Workspace Trust: the engine', () => {
  it('a host that refuses gives the default template and a problem at the template path that says why', () => {
    const asked: string[] = [];
    const resolved = resolveConfig(CONFIG, untrustedHost(asked));
    expect(resolved.template).toEqual(BUILTIN_TEMPLATES.default);
    expect(resolved.templateName).toBe('default');
    const start = CONFIG.indexOf('"./team-template.json"');
    expect(resolved.problems).toEqual([
      {
        message: 'Template file ./team-template.json could not be read: not loaded because this workspace is not trusted',
        range: { start, end: start + '"./team-template.json"'.length },
        severity: 'error',
      },
    ]);
    expect(asked).toEqual(['./team-template.json']);
  });

  it('built-in templates need no host at all', () => {
    const resolved = resolveConfig('{"template": "google-sre", "rules": {"section-order": "off"}}', {});
    expect(resolved.problems).toEqual([]);
    expect(resolved.template).toEqual(BUILTIN_TEMPLATES['google-sre']);
    expect(resolved.rules).toEqual({ 'section-order': 'off' });
  });

  it('a template path from the settings is refused the same way, as a settings problem', () => {
    const resolved = resolveConfig(undefined, untrustedHost([]), { template: './team-template.json' });
    expect(resolved.template).toEqual(BUILTIN_TEMPLATES.default);
    expect(resolved.problems).toEqual([expect.objectContaining({ origin: 'settings', message: expect.stringContaining('not trusted') })]);
  });
});

describe('Workspace Trust: nothing from the workspace is executed', () => {
  let dir: string;
  const marker = () => join(dir, 'executed.txt');
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-exec-'));
    mkdirSync(join(dir, 'postmortems'));
    // Each would leave a file behind if anything loaded it as code.
    const payload = `require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'executed.txt'))}, __filename);\nmodule.exports = { template: 'google-sre' };\n`;
    for (const name of ['.postmortemrc.js', '.postmortemrc.cjs', '.postmortemrc.mjs', 'postmortem.config.js', '.postmortemrc.ts', 'team-template.js']) {
      writeFileSync(join(dir, name), payload);
    }
    writeFileSync(join(dir, 'postmortems', 'x.md'), POSTMORTEM);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('JavaScript configs are not config files: only .postmortemrc.json is looked for', () => {
    expect(findConfigFile(join(dir, 'postmortems'), dir)).toBeUndefined();
  });

  it('a template path to a .js file is refused without reading it', () => {
    const readTemplate = vi.fn(() => 'module.exports = {}');
    for (const ref of ['./team-template.js', 'team-template.js', './.postmortemrc.js', './x.mjs']) {
      const text = JSON.stringify({ template: ref });
      const resolved = resolveConfig(text, { readTemplate });
      expect(resolved.template).toEqual(BUILTIN_TEMPLATES.default);
      expect(resolved.problems[0].message).toMatch(/must be a \.json file|Unknown template/);
    }
    expect(readTemplate).not.toHaveBeenCalled();
    // And through the real file host: the .js file exists, and is still not read.
    const resolved = resolveConfig('{"template": "./team-template.js"}', fileTemplateHost(dir, dir));
    expect(resolved.problems[0].message).toBe('Template file ./team-template.js must be a .json file');
  });

  it('the CLI on the folder runs none of them', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/postmortem-lint.cjs'), join(dir, 'postmortems')], { cwd: dir, encoding: 'utf8' });
    // It ran, found x.md and checked it against the default template (not google-sre, which the .js files name).
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Missing required section “Timeline”.');
    expect(existsSync(marker())).toBe(false);
  });

  it('the config loader and the file host load no code: no require, import(), eval or Function in their sources', () => {
    const sources = ['server/src/core/config', 'server/src/node'].flatMap((dir) => listTs(join(ROOT, dir)));
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources) {
      const code = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      const where = relative(ROOT, file);
      expect(code, where).not.toMatch(/\brequire\s*\(|\bimport\s*\(|\beval\s*\(|\bnew\s+Function\b|\bnode:vm\b|\bchild_process\b|createRequire/);
    }
  });
});

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listTs(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('Workspace Trust: the language server', () => {
  let root: string;
  let doc: string;
  let configUri: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'pm-trust-'));
    mkdirSync(join(root, 'postmortems'));
    writeFileSync(join(root, '.postmortemrc.json'), CONFIG);
    writeFileSync(join(root, 'team-template.json'), TEAM_TEMPLATE);
    writeFileSync(join(root, 'postmortems', 'disk-full.md'), POSTMORTEM);
    doc = uriOf(join(root, 'postmortems', 'disk-full.md'));
    configUri = uriOf(join(root, '.postmortemrc.json'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const missing = (messages: unknown[]) => messages.map(String).filter((m) => m.startsWith('Missing required section')).sort();
  const DEFAULT_MISSING = ['Timeline', 'Root Cause and Resolution', 'Corrective and Preventative Measures', 'Lessons Learned', 'Conclusion'].map((t) => `Missing required section “${t}”.`).sort();

  it('untrusted: diagnostics follow the built-in template, and the config problem says the template was not loaded because the workspace is untrusted', async () => {
    const client = await LspTestClient.start({ folders: [root], applyEdits: false, initializationOptions: { workspaceTrusted: false } });
    try {
      client.open(doc, POSTMORTEM);
      const published = await client.diagnosticsFor(doc, 1);
      expect(missing(published.diagnostics.map((d) => d.message))).toEqual(DEFAULT_MISSING);
      const config = await client.until('config diagnostics', () => client.diagnostics.find((d) => d.uri === configUri && d.diagnostics.length > 0));
      expect(config.diagnostics).toHaveLength(1);
      const [problem] = config.diagnostics;
      expect(problem.message).toMatch(/not read because this workspace is not trusted/);
      expect(problem.message).toMatch(/built-in "default" template/);
      // At the template path in the config file (line 1, on "./team-template.json").
      const line = CONFIG.split('\n')[1];
      expect(problem.range).toEqual({ start: { line: 1, character: line.indexOf('"./team') }, end: { line: 1, character: line.indexOf('"./team') + '"./team-template.json"'.length } });
      expect(await client.tryRequest('postmortem/documentInfo', { uri: doc })).toMatchObject({ result: { isPostmortem: true, templateName: 'default' } });

      // A new postmortem there starts from the built-in template too.
      const skeleton = await client.tryRequest('postmortem/newPostmortem', { date: '2024-05-14', uri: doc });
      expect(JSON.stringify(skeleton.result)).toMatch(/## Timeline/);
      expect(JSON.stringify(skeleton.result)).not.toMatch(/What Happened/);

      // Granting trust loads the team template.
      const since = client.diagnostics.length;
      client.notify('postmortem/didChangeTrust', { trusted: true });
      const after = await client.until('diagnostics with the team template', () =>
        client.diagnostics.slice(since).find((d) => d.uri === doc && !d.diagnostics.some((x) => x.message === 'Missing required section “Timeline”.')),
      );
      expect(missing(after.diagnostics.map((d) => d.message))).toEqual(['Missing required section “Next Steps”.']);
    } finally {
      await client.stop();
    }
  }, 60_000);

  it('untrusted: a template path in the settings is not read either', async () => {
    rmSync(join(root, '.postmortemrc.json'));
    try {
      const client = await LspTestClient.start({ folders: [root], applyEdits: false, initializationOptions: { workspaceTrusted: false }, settings: { template: './team-template.json' } });
      try {
        client.open(doc, POSTMORTEM);
        const published = await client.diagnosticsFor(doc, 1);
        expect(missing(published.diagnostics.map((d) => d.message))).toEqual(DEFAULT_MISSING);
        const warning = await client.until('a settings warning', () => client.messages.find((m) => /team-template\.json/.test(m.message)));
        expect(warning.message).toMatch(/not trusted/);
      } finally {
        await client.stop();
      }
    } finally {
      writeFileSync(join(root, '.postmortemrc.json'), CONFIG);
    }
  }, 60_000);

  it('the manifest restricts the settings that name files, so an untrusted workspace cannot set them', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations: string[] } } };
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations).toEqual(expect.arrayContaining(['postmortem.template', 'postmortem.files']));
  });
});
