// A big document's model stays in the analysis worker until a request needs it (node/analysis-jobs.ts,
// AnalyzeResult.modelHeld): the outline, folding, hover and completion still answer from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePostmortem } from '../../bench/generate.js';
import { FIXTURES, LspTestClient, openFresh } from './harness.js';

describe('a document too big to copy its model on every edit', () => {
  let server: LspTestClient;
  let uri: string;
  const text = generatePostmortem(200_000);
  beforeAll(async () => {
    server = await LspTestClient.start({ folders: [FIXTURES] });
    ({ uri } = await openFresh(server, 'big-held-model', text));
  }, 60_000);
  afterAll(() => server?.stop());

  it('answers the outline, folding and hover from the model it fetches', async () => {
    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
    // The timeline's entries, under its shift subsections.
    const timeline = symbols.find((s: { name: string }) => s.name.startsWith('Shift '));
    expect(timeline.children.length).toBeGreaterThan(100);
    const folding = await server.request('textDocument/foldingRange', { textDocument: { uri } });
    expect(folding.length).toBeGreaterThan(5);
    // The second entry's time: how long after the first.
    const second = timeline.children[1].selectionRange.start;
    const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: second.line, character: second.character + 1 } });
    expect(hover.contents.value).toContain('since the first entry');
  });

  it('after an edit, answers from the new version', async () => {
    const since = server.mark();
    const version = server.change(uri, text.replace(/## Timeline.*\n/, (heading) => `${heading}\n- **08:00:** An entry typed at the top.\n`));
    await server.diagnosticsFor(uri, version, since, 60_000);
    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
    const timeline = symbols.find((s: { name: string }) => s.name.startsWith('Timeline'));
    expect(timeline.children[0].name).toBe('08:00 An entry typed at the top.');
  });
});
