import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, LspTestClient, openFresh, uriOf } from './harness.js';

const FIXTURE = join(FIXTURES, 'postmortems/webhooks.md');
const TEXT = readFileSync(FIXTURE, 'utf8');
const DOCS = 'https://github.com/postmortem-tools/postmortem-lint/blob/main/docs/rules/';
const range = (line: number, from: number, to: number, endLine = line) => ({ start: { line, character: from }, end: { line: endLine, character: to } });
const summary = (d: { code?: unknown; range: unknown; severity?: number }) => ({ code: d.code, range: d.range, severity: d.severity });

// Shuffled: each test sets up what it needs, whatever ran before it.
describe.shuffle('diagnostics', () => {
  let server: LspTestClient;
  beforeAll(async () => {
    server = await LspTestClient.start({
      folders: [FIXTURES],
      settings: (uri) => ({
        ...(uri?.endsWith('/big.md') ? { maxFileSizeKB: 1 } : {}),
        ...(uri?.endsWith('/on-save.md') ? { validate: 'onSave' } : {}),
      }),
    });
  });
  afterAll(() => server?.stop());

  it('publishes every problem of the fixture with rule code, docs link, severity, related info and data', async () => {
    const uri = uriOf(FIXTURE);
    server.open(uri, TEXT);
    const published = await server.nextDiagnostics(uri);
    expect(published.version).toBe(1);
    expect(published.diagnostics.map(summary)).toEqual([
      { code: 'missing-section', range: range(0, 0, 66), severity: 1 },
      { code: 'missing-section', range: range(0, 0, 66), severity: 1 },
      { code: 'timeline-order', range: range(13, 4, 12), severity: 1 },
      { code: 'action-item-untagged', range: range(25, 2, 42), severity: 2 },
      { code: 'action-item-unknown-tag', range: range(26, 4, 14), severity: 2 },
    ]);
    const [first, , order] = published.diagnostics;
    expect(first.message).toBe('Missing required section “Resolution” under “Root Cause and Resolution”.');
    expect(first.source).toBe('postmortem');
    expect(first.codeDescription).toEqual({ href: `${DOCS}missing-section.md` });
    expect(first.data).toMatchObject({ version: 1, index: 0 });
    expect(order.relatedInformation).toEqual([{ location: { uri, range: range(12, 4, 12) }, message: 'Previous entry: 04:05 PM' }]);
    expect(published.diagnostics.map((d) => (d.data as { index: number }).index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('re-publishes after an edit, for the new version', async () => {
    const { uri } = await openFresh(server, 'edited', TEXT);
    const since = server.mark();
    // Put the two out-of-order entries back in order.
    const fixed = TEXT.replace('- **04:05 PM:** Previous certificate chain restored on the edge proxies.\n- **03:50 PM:** Rotation job identified as the trigger.', '- **03:50 PM:** Rotation job identified as the trigger.\n- **04:05 PM:** Previous certificate chain restored on the edge proxies.');
    const version = server.change(uri, fixed);
    const published = await server.nextDiagnostics(uri, since);
    expect(published.version).toBe(version);
    expect(published.diagnostics.map((d) => d.code)).toEqual(['missing-section', 'missing-section', 'action-item-untagged', 'action-item-unknown-tag']);
  });

  it('after a burst of 20 quick changes, publishes only for the latest version', async () => {
    const { uri } = await openFresh(server, 'burst', TEXT);
    const since = server.mark();
    let version = 0;
    for (let i = 1; i <= 20; i++) {
      // Each version has a different number of untagged action items.
      version = server.change(uri, TEXT + '\n## Action Items\n\n' + '- Untagged follow-up\n'.repeat(i));
    }
    const published = await server.nextDiagnostics(uri, since, (p) => p.version === version);
    expect(published.diagnostics.filter((d) => d.code === 'action-item-untagged')).toHaveLength(1 + 20);
    // Nothing for an intermediate version was published, before or after.
    await server.request('postmortem/documentInfo', { uri });
    expect(server.diagnostics.slice(since).filter((p) => p.uri === uri).map((p) => p.version)).toEqual([version]);
  });

  it('leaves other Markdown files alone, and clears a file that stops being a postmortem', async () => {
    const notes = uriOf(join(FIXTURES, 'notes/meeting.md'));
    const retro = uriOf(join(FIXTURES, 'notes/retro.md'));
    const since = server.mark();
    server.open(notes, '# Weekly sync\n\n## Timeline\n\n- 10:00 later 09:00\n');
    server.open(retro, '# Incident Report: Queue backlog\n\nShort.\n');
    // Documents are checked in order, so once the second has diagnostics the first was seen too.
    const retroDiagnostics = await server.nextDiagnostics(retro, since);
    expect(retroDiagnostics.diagnostics.length).toBeGreaterThan(0);
    expect(server.diagnostics.slice(since).some((p) => p.uri === notes)).toBe(false);

    const cleared = server.mark();
    server.change(retro, '# Queue backlog notes\n\nShort.\n');
    expect((await server.nextDiagnostics(retro, cleared)).diagnostics).toEqual([]);
    expect(await server.request('postmortem/documentInfo', { uri: notes })).toEqual({ isPostmortem: false, templateName: '', problemCount: 0 });
  });

  it('reports a file above postmortem.maxFileSizeKB with one file-too-large notice', async () => {
    const uri = uriOf(join(FIXTURES, 'postmortems/big.md'));
    server.open(uri, TEXT + '\nPadding.\n'.repeat(200));
    const published = await server.nextDiagnostics(uri);
    expect(published.diagnostics).toHaveLength(1);
    expect(published.diagnostics[0]).toMatchObject({ code: 'file-too-large', severity: 3, source: 'postmortem', range: range(0, 0, 0) });
    expect(published.diagnostics[0].message).toContain('postmortem.maxFileSizeKB');
  });

  it('with postmortem.validate "onSave", checks on open and save only', async () => {
    const uri = uriOf(join(FIXTURES, 'postmortems/on-save.md'));
    const other = (await openFresh(server, 'checked-on-type', TEXT)).uri;
    server.open(uri, TEXT);
    expect((await server.nextDiagnostics(uri)).version).toBe(1);

    const since = server.mark();
    const version = server.change(uri, TEXT + '\n## Action Items\n\n- Untagged\n');
    // Changed after it, checked after it: once the other file is re-published, this one was skipped.
    const otherVersion = server.change(other, TEXT + '\n');
    await server.nextDiagnostics(other, since, (p) => p.version === otherVersion);
    expect(server.diagnostics.slice(since).some((p) => p.uri === uri)).toBe(false);

    server.notify('textDocument/didSave', { textDocument: { uri } });
    const saved = await server.nextDiagnostics(uri, since);
    expect(saved.version).toBe(version);
    expect(saved.diagnostics.filter((d) => d.code === 'action-item-untagged')).toHaveLength(2);
  });
});
