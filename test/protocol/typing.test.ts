// While typing: problems that appear on the lines being typed wait for a pause; problems that
// disappear, and new ones elsewhere, are published at once; the latest version always wins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { FIXTURES, LspTestClient, uriOf } from './harness.js';

const CLEAN = readFileSync(join(FIXTURES, 'postmortems/clean.md'), 'utf8');
const LAST_ENTRY = '- **05:30 PM:** Freshness back under five minutes; incident closed.\n';
const typing = (line: string) => CLEAN.replace(LAST_ENTRY, `${LAST_ENTRY}${line}\n`);
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

describe('publishing while typing', () => {
  let server: LspTestClient;
  const uri = uriOf(join(FIXTURES, 'postmortems/typing.md'));
  const forVersion = (version: number, since: number) => server.diagnostics.slice(since).filter((p) => p.uri === uri && p.version === version);

  beforeAll(async () => {
    server = await LspTestClient.start({ folders: [FIXTURES] });
    server.open(uri, CLEAN);
    expect((await server.nextDiagnostics(uri)).diagnostics).toEqual([]);
  });
  afterAll(() => server?.stop());

  it('a problem on the line being typed is published only after the pause, for the same version', async () => {
    const since = server.mark();
    const version = server.change(uri, typing('- **3:04'));
    const first = await server.nextDiagnostics(uri, since, (p) => p.version === version);
    expect(first.diagnostics).toEqual([]);
    const settled = await server.nextDiagnostics(uri, since, (p) => p.version === version && p.diagnostics.length > 0);
    // 3:04 (AM, until "PM" is typed) steps back and falls before the Duration.
    expect(codes(settled)).toEqual(['timeline-order', 'timeline-window']);
    expect(settled.diagnostics[0].range.start.line).toBe(CLEAN.split('\n').indexOf(LAST_ENTRY.trimEnd()) + 1);
  });

  it('a problem that disappears goes at once', async () => {
    const since = server.mark();
    const version = server.change(uri, CLEAN);
    expect((await server.nextDiagnostics(uri, since, (p) => p.version === version)).diagnostics).toEqual([]);
  });

  it('a new problem away from the edit is published at once', async () => {
    const since = server.mark();
    // The Duration now starts after every entry: each entry line (not edited) is outside it.
    const version = server.change(uri, CLEAN.replace('**Duration:** 2024-04-09 03:00 PM', '**Duration:** 2024-04-09 03:20 PM'));
    const first = await server.nextDiagnostics(uri, since, (p) => p.version === version);
    expect(codes(first)).toEqual(['timeline-window']);
    const back = server.mark();
    const restored = server.change(uri, CLEAN);
    expect((await server.nextDiagnostics(uri, back, (p) => p.version === restored)).diagnostics).toEqual([]);
  });

  it('the latest version wins: a held problem of an older version is never published after a newer one', async () => {
    const since = server.mark();
    const older = server.change(uri, typing('- **3:04'));
    const newer = server.change(uri, typing('- **04:50 PM:** typed after the end.'));
    const settled = await server.nextDiagnostics(uri, since, (p) => p.version === newer && p.diagnostics.length > 0);
    expect(codes(settled)).toEqual(['timeline-order']);
    expect(settled.diagnostics[0].message).toContain('04:50 PM');
    const published = server.diagnostics.slice(since).filter((p) => p.uri === uri);
    const firstNewer = published.findIndex((p) => p.version === newer);
    expect(published.slice(firstNewer).every((p) => p.version === newer)).toBe(true);
    expect(forVersion(older, since).every((p) => p.diagnostics.length === 0)).toBe(true);
  });
});
