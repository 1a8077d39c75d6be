import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, LspTestClient, uriOf } from './harness.js';

const TEXT = readFileSync(join(FIXTURES, 'postmortems/webhooks.md'), 'utf8');
const CHANGED = 2;
const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => d.code);

/** A team template that asks for a "Summary" section and nothing else. */
const TEAM_TEMPLATE = JSON.stringify({
  name: 'team',
  sections: [{ title: 'Summary', placeholder: 'What happened, in two sentences.' }],
  tags: ['Fix', 'Improvement', 'TODO'],
  timeline: { order: 'ascending', defaultTimeZone: 'UTC' },
}, null, 2);

function workspace(): { root: string; doc: string; config: string } {
  const root = mkdtempSync(join(tmpdir(), 'postmortem-lsp-'));
  mkdirSync(join(root, 'postmortems'));
  const doc = join(root, 'postmortems/webhooks.md');
  writeFileSync(doc, TEXT);
  return { root, doc, config: join(root, '.postmortemrc.json') };
}

// Shuffled: each test sets up what it needs, whatever ran before it.
describe.shuffle('config', () => {
  const servers: LspTestClient[] = [];
  const roots: string[] = [];
  const start = async (options: Parameters<typeof LspTestClient.start>[0]) => {
    const server = await LspTestClient.start(options);
    servers.push(server);
    return server;
  };
  const fresh = () => {
    const w = workspace();
    roots.push(w.root);
    return w;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('watches config files, and re-checks open postmortems when .postmortemrc.json turns a rule off', async () => {
    const w = fresh();
    const server = await start({ folders: [w.root] });
    await server.until('file watcher registration', () => server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'));
    expect(server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!.registerOptions).toEqual({
      watchers: [{ globPattern: '**/.postmortemrc.json' }, { globPattern: '**/*.json' }],
    });
    const uri = uriOf(w.doc);
    server.open(uri, TEXT);
    expect(codes(await server.nextDiagnostics(uri))).toContain('action-item-untagged');

    writeFileSync(w.config, JSON.stringify({ rules: { 'action-item-untagged': 'off' } }));
    const since = server.mark();
    server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(w.config), type: 1 }] });
    const after = await server.nextDiagnostics(uri, since);
    expect(after.version).toBe(1);
    expect(codes(after)).toEqual(['missing-section', 'missing-section', 'timeline-order', 'action-item-unknown-tag']);
  });

  it('reports a broken config in the config file at the exact spot, and clears it once fixed', async () => {
    const w = fresh();
    const broken = '{\n  "rules": {\n    "action-item-untagged": "of"\n  }\n}\n';
    writeFileSync(w.config, broken);
    const server = await start({ folders: [w.root] });
    const uri = uriOf(w.doc);
    const configUri = uriOf(w.config);
    server.open(uri, TEXT);
    const problems = await server.nextDiagnostics(configUri);
    expect(problems.diagnostics).toEqual([{
      range: { start: { line: 2, character: 28 }, end: { line: 2, character: 32 } },
      severity: 1,
      source: 'postmortem',
      code: 'config',
      message: 'Severity must be one of error, warning, info, off',
    }]);
    // The file is ignored as a whole: the postmortem is still checked with the defaults.
    expect(codes(await server.nextDiagnostics(uri))).toContain('action-item-untagged');

    writeFileSync(w.config, broken.replace('"of"', '"off"'));
    const since = server.mark();
    server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: CHANGED }] });
    expect((await server.nextDiagnostics(configUri, since)).diagnostics).toEqual([]);
    expect(codes(await server.nextDiagnostics(uri, since))).not.toContain('action-item-untagged');
  });

  it('in an untrusted workspace, never reads a template path; says so in the config; trust brings it back', async () => {
    const w = fresh();
    writeFileSync(join(w.root, 'team-template.json'), TEAM_TEMPLATE);
    writeFileSync(w.config, '{ "template": "./team-template.json" }\n');
    const server = await start({ folders: [w.root], trusted: false });
    const uri = uriOf(w.doc);
    const configUri = uriOf(w.config);
    server.open(uri, TEXT);

    const warning = await server.nextDiagnostics(configUri);
    expect(warning.diagnostics).toHaveLength(1);
    expect(warning.diagnostics[0]).toMatchObject({ severity: 2, range: { start: { line: 0, character: 14 }, end: { line: 0, character: 36 } } });
    expect(warning.diagnostics[0].message).toContain('not trusted');
    // Still linted, with the built-in default template.
    expect(codes(await server.nextDiagnostics(uri))).toEqual(['missing-section', 'missing-section', 'timeline-order', 'action-item-untagged', 'action-item-unknown-tag']);
    expect(await server.request('postmortem/documentInfo', { uri })).toMatchObject({ templateName: 'default' });

    const since = server.mark();
    server.notify('postmortem/didChangeTrust', { trusted: true });
    expect((await server.nextDiagnostics(configUri, since)).diagnostics).toEqual([]);
    const trusted = await server.nextDiagnostics(uri, since);
    expect(trusted.diagnostics.find((d) => d.code === 'missing-section')?.message).toBe('Missing required section “Summary”.');
    expect(await server.request('postmortem/documentInfo', { uri })).toMatchObject({ isPostmortem: true, templateName: './team-template.json' });
  });

  it('re-checks when a template file in use changes, and when the settings change', async () => {
    const w = fresh();
    const templatePath = join(w.root, 'team-template.json');
    writeFileSync(templatePath, TEAM_TEMPLATE);
    let settings: Record<string, unknown> = { template: './team-template.json' };
    const server = await start({ folders: [w.root], settings: () => settings });
    const uri = uriOf(w.doc);
    server.open(uri, TEXT);
    const first = await server.nextDiagnostics(uri);
    expect(first.diagnostics.filter((d) => d.code === 'missing-section').map((d) => d.message)).toEqual(['Missing required section “Summary”.']);

    writeFileSync(templatePath, TEAM_TEMPLATE.replace('"Summary"', '"Overview"'));
    let since = server.mark();
    server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(templatePath), type: CHANGED }] });
    const edited = await server.nextDiagnostics(uri, since);
    expect(edited.diagnostics.filter((d) => d.code === 'missing-section').map((d) => d.message)).toEqual(['Missing required section “Overview”.']);

    settings = { template: 'default', rules: { 'missing-section': 'off', 'timeline-order': 'info' } };
    since = server.mark();
    server.notify('workspace/didChangeConfiguration', { settings: null });
    const reconfigured = await server.nextDiagnostics(uri, since);
    expect(reconfigured.diagnostics.map((d) => [d.code, d.severity])).toEqual([['timeline-order', 3], ['action-item-untagged', 2], ['action-item-unknown-tag', 2]]);
  });

  it('changing postmortem.files decides which files are postmortems', async () => {
    const w = fresh();
    let settings: Record<string, unknown> = {};
    const server = await start({ folders: [w.root], settings: () => settings });
    const path = join(w.root, 'docs/outage.md');
    const uri = uriOf(path);
    // No glob matches and the heading does not say postmortem.
    const text = TEXT.replace('# Postmortem: ', '# ');
    server.open(uri, text);
    expect(await server.request('postmortem/documentInfo', { uri })).toMatchObject({ isPostmortem: false });

    settings = { files: ['docs/**/*.md'] };
    const since = server.mark();
    server.notify('workspace/didChangeConfiguration', { settings: null });
    expect(codes(await server.nextDiagnostics(uri, since))).toContain('timeline-order');
  });
});
