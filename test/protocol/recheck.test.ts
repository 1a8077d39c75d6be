// When config changes, every document the server reported on follows it: open ones, and the closed
// files Lint Workspace reported. The output says what was read and what is wrong; documentInfo
// says when the config is broken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, LspTestClient, uriOf } from './harness.js';
import { generatePostmortem } from '../../bench/generate.js';

const TEXT = readFileSync(join(FIXTURES, 'postmortems/webhooks.md'), 'utf8');
const codes = (p: { diagnostics: { code?: unknown }[] }) => p.diagnostics.map((d) => d.code);

describe('re-checking on config changes', () => {
  let server: LspTestClient;
  let root: string;
  const path = (name: string) => join(root, name);

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'postmortem-lsp-recheck-'));
    mkdirSync(path('postmortems'));
    writeFileSync(path('postmortems/open.md'), TEXT);
    writeFileSync(path('postmortems/closed.md'), TEXT);
    server = await LspTestClient.start({ folders: [root] });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const changeConfig = (text: string) => {
    writeFileSync(path('.postmortemrc.json'), text);
    server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path('.postmortemrc.json')), type: 2 }] });
  };

  it('re-checks the closed files Lint Workspace reported, with the open ones', async () => {
    const open = uriOf(path('postmortems/open.md'));
    const closed = uriOf(path('postmortems/closed.md'));
    server.open(open, TEXT);
    await server.nextDiagnostics(open);
    const linted = server.mark();
    expect(await server.request('workspace/executeCommand', { command: 'postmortem.server.lintWorkspace', arguments: [] })).toBe(2);
    expect(codes(await server.nextDiagnostics(closed, linted))).toContain('action-item-untagged');

    const since = server.mark();
    changeConfig(JSON.stringify({ rules: { 'action-item-untagged': 'off' } }));
    const [openAfter, closedAfter] = await Promise.all([server.nextDiagnostics(open, since), server.nextDiagnostics(closed, since)]);
    expect(codes(openAfter)).not.toContain('action-item-untagged');
    expect(codes(closedAfter)).not.toContain('action-item-untagged');
    expect(closedAfter.version).toBeUndefined();
  });

  it('a file Lint Workspace reported keeps its problems, from disk, when it is closed', async () => {
    const open = uriOf(path('postmortems/open.md'));
    const since = server.mark();
    server.close(open);
    const after = await server.nextDiagnostics(open, since);
    expect(after.version).toBeUndefined();
    expect(codes(after)).toContain('timeline-order');
  });

  it('documentInfo says the config is broken and which template is used instead; the output says why', async () => {
    const open = uriOf(path('postmortems/open.md'));
    server.open(open, TEXT);
    await server.nextDiagnostics(open);
    const since = server.mark();
    changeConfig('{ "template": "no-such-template" }');
    await server.nextDiagnostics(uriOf(path('.postmortemrc.json')), since);
    const info = await server.request('postmortem/documentInfo', { uri: open });
    expect(info).toMatchObject({ isPostmortem: true, templateName: 'default', configUri: uriOf(path('.postmortemrc.json')) });
    expect(info.configErrors).toEqual([expect.stringContaining('no-such-template')]);
    await server.until('config error in the output', () => server.logs.map((l) => l.message).find((line) => line.includes('.postmortemrc.json: ') && line.includes('no-such-template')));
    expect(server.logs.map((l) => l.message).some((line) => /Config for .*\.postmortemrc\.json: template "default"/.test(line))).toBe(true);
  });

  it('logs a slow analysis with the document and its size', async () => {
    // 1 MB takes over a second to analyse cold here, ten times the 100 ms threshold.
    const big = uriOf(path('postmortems/big.md'));
    const text = generatePostmortem(1024 * 1024);
    server.open(big, text);
    await server.nextDiagnostics(big, 0, () => true, 30_000);
    expect(server.logs.map((l) => l.message).find((line) => line.startsWith(`Analysed ${big} in `))).toMatch(/ ms \(1024 KB\)\.$/);
  });
});
