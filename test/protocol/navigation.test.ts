import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { FIXTURES, LspTestClient, uriOf } from './harness.js';

const CLEAN = join(FIXTURES, 'postmortems/clean.md');

// Shuffled: each test sets up what it needs, whatever ran before it.
describe.shuffle('hover, outline and folding', () => {
  let server: LspTestClient;
  const uri = uriOf(CLEAN);
  beforeAll(async () => {
    server = await LspTestClient.start({ folders: [FIXTURES] });
    server.open(uri, readFileSync(CLEAN, 'utf8'));
  });
  afterAll(() => server?.stop());

  const hover = (line: number, character: number) => server.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });

  it('hovering a timeline time shows how it was read, and the time since the first and the previous entry', async () => {
    expect(await hover(12, 6)).toEqual({
      contents: { kind: 'plaintext', value: 'Read as 2024-04-09 16:05 UTC (to the minute).\n+1h 05m since the first entry (03:00 PM) · +35m since the previous (03:30 PM)' },
      range: { start: { line: 12, character: 4 }, end: { line: 12, character: 12 } },
    });
    expect((await hover(10, 4)).contents.value).toBe('Read as 2024-04-09 15:00 UTC (to the minute).\nFirst entry of the timeline.');
    // The entry's text is not its time.
    expect(await hover(12, 30)).toBeNull();
  });

  it('hovering the Duration line shows the total', async () => {
    expect(await hover(2, 20)).toEqual({
      contents: { kind: 'plaintext', value: 'Incident duration: 2h 30m\nTTD 0m · TTR 2h 30m' },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 50 } },
    });
  });

  it('outlines what the Markdown outline lacks: timeline entries and action items under their section, no heading tree', async () => {
    const symbols: DocumentSymbol[] = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
    const tree = (list: DocumentSymbol[]): unknown[] => list.map((s) => (s.children?.length ? [s.name, s.kind, tree(s.children)] : [s.name, s.kind]));
    // Impact, Root Cause and Resolution, Lessons Learned… hold neither: Markdown's outline has them.
    expect(tree(symbols)).toEqual([
      ['Timeline', SymbolKind.Namespace, [
        ['03:00 PM Freshness alert fires for the product search index.', SymbolKind.Event],
        ["03:30 PM On-call finds the alias still pointing at yesterday's index.", SymbolKind.Event],
        ['04:05 PM Alias swapped by hand to the current index.', SymbolKind.Event],
        ['05:30 PM Freshness back under five minutes; incident closed.', SymbolKind.Event],
      ]],
      ['Corrective and Preventative Measures', SymbolKind.Namespace, [
        ['Retry the alias swap and fail the job loudly when it cannot complete.', SymbolKind.Field],
        ['Alert when the live index is older than twelve hours.', SymbolKind.Field],
        ['Add the alias check to the search on-call runbook.', SymbolKind.Field],
      ]],
    ]);
    const [timeline, actions] = symbols;
    expect([timeline.detail, actions.detail]).toEqual(['4 entries', '3 action items']);
    expect(timeline.range).toEqual({ start: { line: 8, character: 0 }, end: { line: 15, character: 0 } });
    expect(timeline.selectionRange).toEqual({ start: { line: 8, character: 0 }, end: { line: 8, character: 11 } });
    expect(timeline.children![0].selectionRange).toEqual({ start: { line: 10, character: 4 }, end: { line: 10, character: 12 } });
    expect(actions.children![0].detail).toBe('Fix');
  });

  it('folds sections without their trailing blank lines, and runs of entries', async () => {
    expect(await server.request('textDocument/foldingRange', { textDocument: { uri } })).toEqual([
      { startLine: 4, endLine: 6 },
      { startLine: 8, endLine: 13 },
      { startLine: 10, endLine: 13 },
      { startLine: 15, endLine: 23 },
      { startLine: 17, endLine: 19 },
      { startLine: 21, endLine: 23 },
      { startLine: 25, endLine: 29 },
      { startLine: 27, endLine: 29 },
      { startLine: 31, endLine: 33 },
      { startLine: 35, endLine: 37 },
    ]);
  });

  it('gives a plain Markdown file nothing: no hover, outline, folding, completion or code actions', async () => {
    const notes = uriOf(join(FIXTURES, 'notes/runbook.md'));
    server.open(notes, '# Runbook\n\n**Duration:** 2024-01-01 10:00 - 11:00\n\n## Timeline\n\n- 10:00 Page\n- \n');
    const at = { textDocument: { uri: notes }, position: { line: 2, character: 3 } };
    expect(await server.request('textDocument/hover', at)).toBeNull();
    expect(await server.request('textDocument/completion', { ...at, position: { line: 7, character: 2 } })).toBeNull();
    expect(await server.request('textDocument/documentSymbol', { textDocument: { uri: notes } })).toBeNull();
    expect(await server.request('textDocument/foldingRange', { textDocument: { uri: notes } })).toBeNull();
    expect(await server.request('textDocument/codeAction', { textDocument: { uri: notes }, range: at.position && { start: at.position, end: at.position }, context: { diagnostics: [] } })).toEqual([]);
  });
});
