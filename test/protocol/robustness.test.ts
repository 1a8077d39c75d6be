import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, LspTestClient, uriOf } from './harness.js';

const TEXT = readFileSync(join(FIXTURES, 'postmortems/webhooks.md'), 'utf8');

describe('bad input', () => {
  let server: LspTestClient;
  beforeAll(async () => {
    server = await LspTestClient.start({ folders: [FIXTURES] });
  });
  afterAll(() => server?.stop());

  it('answers garbage requests with errors or nothing, and keeps serving', async () => {
    const uri = uriOf(join(FIXTURES, 'postmortems/robust.md'));
    const garbage: [string, unknown][] = [
      ['textDocument/hover', null],
      ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 'x' } }],
      ['textDocument/completion', { textDocument: {}, position: { line: 0, character: 0 } }],
      ['textDocument/codeAction', { textDocument: { uri: 42 } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: 'all' } }],
      ['textDocument/documentSymbol', []],
      ['textDocument/foldingRange', 'everything'],
      ['codeAction/resolve', { title: 'x', data: { fixAll: true, uri: 5 } }],
      ['workspace/executeCommand', { command: 'postmortem.server.fixAll', arguments: ['not-a-uri'] }],
      ['workspace/executeCommand', { command: 'postmortem.server.insertSection', arguments: [uri, 1] }],
      ['workspace/executeCommand', { command: 'rm -rf /', arguments: null }],
      ['postmortem/documentInfo', { uri: 5 }],
      ['postmortem/missingSections', null],
      ['postmortem/newPostmortem', null],
      ['postmortem/newPostmortem', { date: '2024-01-01', templateName: { evil: true } }],
      ['postmortem/noSuchRequest', {}],
    ];
    for (const [method, params] of garbage) {
      await server.request(method, params).catch((error: { code: number }) => expect(typeof error.code).toBe('number'));
    }

    // Notifications in the wrong order or shape.
    server.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: 'never opened' }] });
    server.notify('textDocument/didClose', { textDocument: { uri: 'file:///never/opened.md' } });
    server.notify('workspace/didChangeWatchedFiles', { changes: 'all of them' });
    server.notify('workspace/didChangeConfiguration', { settings: { postmortem: { files: 7, maxFileSizeKB: 'big' } } });
    server.notify('postmortem/didChangeTrust', { trusted: 'yes' });
    server.notify('postmortem/unknownNotification', [1, 2, 3]);

    // Edits past the end of the document are clamped, not fatal.
    server.open(uri, TEXT);
    await server.nextDiagnostics(uri);
    const since = server.mark();
    server.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 500, character: 3 }, end: { line: 900, character: 0 } }, text: '\n## Conclusion\n\nDone.\n' }],
    });
    const published = await server.nextDiagnostics(uri, since, (p) => p.version === 2);
    expect(published.diagnostics.map((d) => d.message)).not.toContain('Missing required section “Conclusion”.');
    expect(await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 10_000, character: 10_000 } })).toBeNull();

    // Still alive and answering.
    expect(server.exited).toBe(false);
    expect(await server.request('postmortem/documentInfo', { uri })).toMatchObject({ isPostmortem: true, problemCount: 4 });
  });

  it('answers bad params with InvalidParams and a message that says what was expected', async () => {
    await expect(server.request('postmortem/documentInfo', { uri: 5 })).rejects.toMatchObject({ code: -32602, message: 'Expected params { uri: string }.' });
    await expect(server.request('workspace/executeCommand', { command: 'postmortem.server.fixAll', arguments: [] })).rejects.toMatchObject({
      code: -32602,
      message: 'Fix all needs the arguments [uri, version].',
    });
  });
});
