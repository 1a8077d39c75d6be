// The language server survives garbage: wrong params to every request it supports, unknown URIs,
// notifications out of order, edits past the end, a 3 MB document, binary-looking text and lone
// surrogates. Afterwards it still answers a good document correctly, and it has not exited.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspTestClient, uriOf } from '../support/lsp-client.js';

const GOOD = `# Postmortem: Checkout API timeouts

**Duration:** 2024-03-03 09:12 - 2024-03-03 11:40 (UTC)

## Impact

Roughly 18% of checkout requests timed out.

## Timeline

- **09:12:** Latency alert fires.
- **09:31:** Cache failover found.
- **11:40:** Error rate back to baseline.

## Root Cause and Resolution

### Root Cause

Stale connections after failover.

### Resolution

Restarted the pods.

## Corrective and Preventative Measures

- **Fix:** Upgrade the cache client.

## Lessons Learned

Test client failover too.

## Conclusion

Fixed.
`;

/** A position inside GOOD: the first timeline time. */
const TIME_LINE = GOOD.split('\n').findIndex((line) => line.includes('09:12:**'));
const TIME_POSITION = { line: TIME_LINE, character: GOOD.split('\n')[TIME_LINE].indexOf('09:12') + 1 };

describe('the language server survives garbage', () => {
  let root: string;
  let client: LspTestClient;
  let good: string;
  let baseline: { symbols: unknown; hover: unknown; folding: unknown };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'pm-survive-'));
    mkdirSync(join(root, 'postmortems'));
    writeFileSync(join(root, 'postmortems', 'good.md'), GOOD);
    good = uriOf(join(root, 'postmortems', 'good.md'));
    client = await LspTestClient.start({ folders: [root], applyEdits: false, initializationOptions: { workspaceTrusted: true } });
    client.open(good, GOOD);
    await client.diagnosticsFor(good, 1);
    baseline = {
      symbols: (await client.tryRequest('textDocument/documentSymbol', { textDocument: { uri: good } })).result,
      hover: (await client.tryRequest('textDocument/hover', { textDocument: { uri: good }, position: TIME_POSITION })).result,
      folding: (await client.tryRequest('textDocument/foldingRange', { textDocument: { uri: good } })).result,
    };
  }, 120_000);

  afterAll(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers the good document before any garbage', () => {
    const names = (symbols: unknown): string[] => (symbols as { name: string; children?: unknown[] }[]).flatMap((s) => [s.name, ...names(s.children ?? [])]);
    // The outline holds the timeline entries and action items under their sections (not Markdown's heading tree).
    expect(names(baseline.symbols)).toEqual(['Timeline', '09:12 Latency alert fires.', '09:31 Cache failover found.', '11:40 Error rate back to baseline.', 'Corrective and Preventative Measures', 'Upgrade the cache client.']);
    expect(JSON.stringify(baseline.hover)).toMatch(/First entry of the timeline/);
  });

  it('answers every request with a result or an error, whatever the params', async () => {
    const caps = client.initializeResult.capabilities as Record<string, unknown>;
    const commands = (caps.executeCommandProvider as { commands: string[] }).commands;
    const requests = [
      caps.hoverProvider && 'textDocument/hover',
      caps.completionProvider && 'textDocument/completion',
      caps.codeActionProvider && 'textDocument/codeAction',
      (caps.codeActionProvider as { resolveProvider?: boolean })?.resolveProvider && 'codeAction/resolve',
      caps.documentSymbolProvider && 'textDocument/documentSymbol',
      caps.foldingRangeProvider && 'textDocument/foldingRange',
      caps.documentLinkProvider && 'textDocument/documentLink',
      caps.definitionProvider && 'textDocument/definition',
      caps.referencesProvider && 'textDocument/references',
      caps.documentFormattingProvider && 'textDocument/formatting',
      caps.renameProvider && 'textDocument/rename',
      'postmortem/missingSections',
      'postmortem/documentInfo',
      'postmortem/newPostmortem',
      'postmortem/engineLoaded',
      'postmortem/preview',
      'postmortem/noSuchRequest',
      'textDocument/noSuchRequest',
    ].filter((m): m is string => typeof m === 'string');
    expect(requests.length).toBeGreaterThanOrEqual(10);

    const nope = 'file:///no/such/postmortems/x.md';
    let deep: unknown = 1;
    for (let i = 0; i < 5_000; i++) deep = [deep];
    const badParams: unknown[] = [
      undefined,
      null,
      42,
      'textDocument',
      [],
      [good],
      {},
      { textDocument: null },
      { textDocument: { uri: 5 } },
      { textDocument: { uri: nope }, position: { line: 0, character: 0 } },
      { textDocument: { uri: 'not a uri at all' }, position: { line: 0, character: 0 } },
      { textDocument: { uri: good }, position: { line: -1, character: Number.NaN } },
      { textDocument: { uri: good }, position: { line: 1e12, character: 1e12 } },
      { textDocument: { uri: good }, position: { line: '3', character: {} } },
      { textDocument: { uri: good }, range: { start: { line: 9e9, character: 0 }, end: { line: -5, character: 2 } }, context: { diagnostics: 'all' } },
      { textDocument: { uri: good }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } }, context: { diagnostics: [{ range: null, message: 7 }] } },
      { uri: 5, date: [], templateName: { evil: true }, title: 42 },
      { uri: good, date: 'yesterday', templateName: '../../../etc/passwd' },
      { uri: good, date: '2024-01-01', templateName: '__proto__' },
      JSON.parse('{"__proto__": {"polluted": true}, "textDocument": {"uri": "x"}, "constructor": {"prototype": {"polluted": true}}}'),
      { textDocument: { uri: 'x'.repeat(1024 * 1024) }, position: { line: 0, character: 0 } },
      { textDocument: { uri: good }, position: { line: 0, character: 0 }, deep },
      { title: 'x', data: { fixAll: true, uri: 5 }, edit: 'none' },
      { title: 'x', data: JSON.parse('{"__proto__": {"polluted": 1}}') },
    ];
    const internal: string[] = [];
    for (const method of requests) {
      for (const params of badParams) {
        const answer = await client.tryRequest(method, params);
        expect(answer.result !== undefined || answer.error !== undefined).toBe(true);
        // A bad request is the client's mistake: InvalidParams, MethodNotFound or an empty answer, never InternalError.
        if (answer.error?.code === -32603) internal.push(`${method} ${JSON.stringify(params)?.slice(0, 80)}: ${answer.error.message}`);
      }
    }
    for (const command of [...commands, 'postmortem.noSuchCommand', 'rm -rf /']) {
      for (const args of [undefined, null, [], [nope], [good], [good, 'one'], [good, -1, 42], [{ uri: good }], [good, 1, 'No Such Section'], ['x'.repeat(100_000)]]) {
        const answer = await client.tryRequest('workspace/executeCommand', args === undefined ? { command } : { command, arguments: args });
        if (answer.error?.code === -32603) internal.push(`${command} ${JSON.stringify(args)?.slice(0, 80)}: ${answer.error.message}`);
      }
    }
    expect(client.exited).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(internal).toEqual([]);
  }, 300_000);

  it('takes notifications in the wrong order or shape', async () => {
    const unopened = uriOf(join(root, 'postmortems', 'never-opened.md'));
    client.notify('textDocument/didChange', { textDocument: { uri: unopened, version: 2 }, contentChanges: [{ text: 'x' }] });
    client.notify('textDocument/didChange', { textDocument: { uri: unopened, version: 3 }, contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 1, character: 0 } }, text: 'y' }] });
    client.notify('textDocument/didSave', { textDocument: { uri: unopened } });
    client.notify('textDocument/didClose', { textDocument: { uri: unopened } });
    client.notify('textDocument/didOpen', { textDocument: { uri: 42, languageId: 'markdown', version: 'one', text: 7 } });
    client.notify('textDocument/didOpen', null);
    // Malformed changes to an open document (a scratch one: what it holds afterwards is anyone's guess).
    const scratch = uriOf(join(root, 'postmortems', 'scratch.md'));
    client.open(scratch, GOOD);
    client.notify('textDocument/didChange', { textDocument: { uri: scratch }, contentChanges: 'all' });
    client.notify('textDocument/didChange', { textDocument: { uri: scratch, version: 2 }, contentChanges: [{ range: null, text: null }] });
    client.notify('textDocument/didChange', { textDocument: { uri: scratch, version: 3 }, contentChanges: [{ range: { start: { line: 'a' } }, text: 5 }] });
    client.notify('textDocument/didOpen', { textDocument: { uri: scratch, languageId: 'markdown', version: 9, text: 'opened twice' } });
    client.notify('workspace/didChangeConfiguration', { settings: { postmortem: { files: 7, maxFileSizeKB: -1, rules: 'all', template: { a: 1 } } } });
    client.notify('workspace/didChangeConfiguration', null);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 5, type: 99 }, null] });
    client.notify('workspace/didChangeWorkspaceFolders', { event: { added: 'x', removed: null } });
    client.notify('postmortem/didChangeTrust', { trusted: 'maybe' });
    client.notify('$/cancelRequest', { id: { evil: true } });
    client.notify('$/setTrace', { value: 42 });
    client.notify('postmortem/noSuchNotification', [1, 2, 3]);
    // Still answering, and the good document is intact.
    const info = await client.tryRequest('postmortem/documentInfo', { uri: good });
    expect(info.result).toMatchObject({ isPostmortem: true });
    expect(client.exited).toBe(false);
  }, 60_000);

  it('clamps edits past the end, and edits that split a surrogate pair', async () => {
    const uri = uriOf(join(root, 'postmortems', 'edited.md'));
    client.open(uri, GOOD);
    await client.diagnosticsFor(uri, 1);
    const edits: [number, unknown][] = [
      [2, [{ range: { start: { line: 500, character: 3 }, end: { line: 900, character: 0 } }, text: '\n## Extra\n' }]],
      [3, [{ range: { start: { line: 0, character: 1e6 }, end: { line: 0, character: 1e6 + 4 } }, text: '🔥' }]],
      // Between the halves of the emoji just inserted at the end of line 0.
      [4, [{ range: { start: { line: 0, character: GOOD.indexOf('\n') + 1 }, end: { line: 0, character: GOOD.indexOf('\n') + 1 } }, text: 'x' }]],
      [5, [{ range: { start: { line: 3, character: 0 }, end: { line: 1, character: 0 } }, text: 'backwards' }]],
      [6, [{ text: '' }]],
      [7, [{ text: GOOD }]],
    ];
    for (const [version, contentChanges] of edits) {
      const since = client.diagnostics.length;
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
      await client.diagnosticsFor(uri, version, since);
    }
    const symbols = await client.tryRequest('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.result).toEqual(baseline.symbols);
  }, 60_000);

  it('checks a 3 MB document (refused by the size cap), a binary-looking one and one with lone surrogates', async () => {
    const big = uriOf(join(root, 'postmortems', 'big.md'));
    const binary = uriOf(join(root, 'postmortems', 'binary.md'));
    const surrogates = uriOf(join(root, 'postmortems', 'surrogates.md'));
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const documents: [string, string][] = [
      [big, `${GOOD}\n${'- 15:00 filler line for the size cap\n'.repeat(3 * 1024 * 1024 / 37)}`],
      [binary, Array.from({ length: 200_000 }, () => String.fromCharCode(Math.floor(random() * 256))).join('')],
      [surrogates, `# P\n\n## Timeline\n\n- 15:00 \uD800 lone high\n- \uDC00 15:10 lone low\n- **\uDBFF:** x\n\n## \uD83D\n\n${'\uDFFF\uD800'.repeat(10_000)}\n`],
    ];
    for (const [uri, text] of documents) {
      const since = client.diagnostics.length;
      client.open(uri, text);
      const published = await client.diagnosticsFor(uri, 1, since, 60_000);
      if (uri === big) {
        expect(published.diagnostics).toHaveLength(1);
        expect(published.diagnostics[0]).toMatchObject({ code: 'file-too-large', message: expect.stringMatching(/larger than the 2048 KB/) });
      }
      for (const [method, extra] of [
        ['textDocument/hover', { position: { line: 6, character: 3 } }],
        ['textDocument/documentSymbol', {}],
        ['textDocument/foldingRange', {}],
        ['textDocument/completion', { position: { line: 4, character: 2 } }],
        ['textDocument/codeAction', { range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } }, context: { diagnostics: [] } }],
        ['postmortem/preview', { uri }],
      ] as const) {
        const answer = await client.tryRequest(method, { textDocument: { uri }, uri, ...extra }, 60_000);
        expect(answer.error?.code).not.toBe(-32603);
      }
    }
    expect(client.exited).toBe(false);
  }, 240_000);

  it('still answers the good document exactly as before, and has not exited', async () => {
    const symbols = await client.tryRequest('textDocument/documentSymbol', { textDocument: { uri: good } });
    const hover = await client.tryRequest('textDocument/hover', { textDocument: { uri: good }, position: TIME_POSITION });
    const folding = await client.tryRequest('textDocument/foldingRange', { textDocument: { uri: good } });
    expect(symbols.result).toEqual(baseline.symbols);
    expect(hover.result).toEqual(baseline.hover);
    expect(folding.result).toEqual(baseline.folding);
    expect(client.exited).toBe(false);
    expect(client.stderr.join('')).not.toMatch(/uncaught|unhandled|FATAL|heap out of memory/i);
  }, 60_000);
});
