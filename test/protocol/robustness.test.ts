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
    server.notify('workspace/didChangeWorkspaceFolders', { event: {} });
    server.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: 7 }, null, { uri: 'file:///nowhere' }], removed: 'all' } });
    server.notify('workspace/didChangeWorkspaceFolders', null);
    server.notify('textDocument/didOpen', { textDocument: { uri: 5, text: 'x' } });
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 'one', text: 7 } });
    server.notify('textDocument/didOpen', null);
    server.notify('textDocument/didChange', { textDocument: { uri, version: 9 }, contentChanges: 'everything' });
    server.notify('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ range: 'x', text: 5 }] });
    server.notify('textDocument/didSave', {});
    server.notify('textDocument/didClose', null);
    server.notify('$/setTrace', { value: 42 });
    // Lint Workspace over the folders those left behind (a non-string uri among them).
    await server.request('workspace/executeCommand', { command: 'postmortem.server.lintWorkspace', arguments: [{ uri: 5 }] });

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
    // The server logs through window/logMessage: no handler of its own threw on any of that.
    const thrown = server.logs.filter((l) => /TypeError|ReferenceError/.test(l.message)).map((l) => l.message);
    expect(thrown).toEqual([]);
    expect(server.logs.some((l) => l.message.startsWith('textDocument/didOpen: ignored, expected params'))).toBe(true);
  });

  it('starts, and serves, with client capabilities and folders of the wrong shapes', async () => {
    const odd = await LspTestClient.start({
      folders: [FIXTURES],
      capabilities: { workspace: { workspaceFolders: true, configuration: 'yes' as never }, textDocument: { codeAction: { resolveSupport: { properties: 5 as never } }, completion: 7 as never } },
    });
    try {
      const uri = uriOf(join(FIXTURES, 'postmortems/odd.md'));
      odd.open(uri, TEXT);
      await odd.nextDiagnostics(uri);
      await odd.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
      await odd.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
      expect(odd.logs.filter((l) => /TypeError|ReferenceError/.test(l.message)).map((l) => l.message)).toEqual([]);
    } finally {
      await odd.stop();
    }
  });

  it('answers bad params with InvalidParams and a message that says what was expected', async () => {
    await expect(server.request('postmortem/documentInfo', { uri: 5 })).rejects.toMatchObject({ code: -32602, message: 'Expected params { uri: string }.' });
    await expect(server.request('workspace/executeCommand', { command: 'postmortem.server.fixAll', arguments: [] })).rejects.toMatchObject({
      code: -32602,
      message: 'Fix all needs the arguments [uri, version].',
    });
  });
});
