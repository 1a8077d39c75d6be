// The web worker server (dist/server-web.js) as VS Code for the Web runs it: in a global scope
// with no process, require or Node module, talking postMessage, reading every file through the
// client's postmortem/fs/* requests. Here the "client" serves an in-memory vscode-test-web
// workspace, so the test sees exactly which files the server asked for and what it did with them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
  type DataCallback,
  type Disposable,
  type Message,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../support/lsp-client.js';

const FOLDER = 'vscode-test-web://mount/ws';
const TEAM = join(ROOT, 'test/e2e/workspace/team-payments');
const CARD_DECLINES = readFileSync(join(TEAM, 'postmortems/2024-07-card-declines.md'), 'utf8');

/** The workspace the client serves, by URI. */
const files = new Map<string, string>([
  [`${FOLDER}/team-payments/.postmortemrc.json`, readFileSync(join(TEAM, '.postmortemrc.json'), 'utf8')],
  [`${FOLDER}/team-payments/payments-template.json`, readFileSync(join(TEAM, 'payments-template.json'), 'utf8')],
  [`${FOLDER}/team-payments/postmortems/2024-07-card-declines.md`, CARD_DECLINES],
  [`${FOLDER}/escape/.postmortemrc.json`, '{ "template": "../../outside.json" }\n'],
  [`${FOLDER}/escape/postmortems/a.md`, CARD_DECLINES],
  [`${FOLDER}/big/.postmortemrc.json`, '{ "template": "./huge.json" }\n'],
  [`${FOLDER}/big/huge.json`, `{ "name": "huge", "sections": [], "x": "${'x'.repeat(1024 * 1024)}" }`],
  [`${FOLDER}/big/postmortems/b.md`, CARD_DECLINES],
  [`${FOLDER}/notes/plain.md`, '# Team notes\n\nNothing to see.\n'],
]);
/** Everything the server asked the client for: method and URI. */
const asked: string[] = [];

/** One end of a postMessage channel, as BrowserMessageReader/Writer see a Worker or `self`. */
interface Port {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
  addEventListener(type: string, listener: unknown): void;
}

class PortReader extends AbstractMessageReader {
  constructor(private readonly port: Port) {
    super();
  }
  listen(callback: DataCallback): Disposable {
    this.port.onmessage = (event) => callback(event.data as Message);
    return { dispose: () => (this.port.onmessage = null) };
  }
}

class PortWriter extends AbstractMessageWriter {
  constructor(private readonly port: Port) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.port.postMessage(message);
  }
  end(): void {}
}

let connection: ProtocolConnection;
const diagnostics: PublishDiagnosticsParams[] = [];
const logs: string[] = [];
let nodeGlobals: Record<string, string> = {};

function until<T>(what: string, check: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = () => {
      const value = check();
      if (value !== undefined) return resolve(value);
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

const latest = (uri: string, since = 0) => diagnostics.slice(since).filter((d) => d.uri === uri).at(-1);

beforeAll(async () => {
  const clientPort: Port = { onmessage: null, postMessage: () => undefined, addEventListener: () => undefined };
  // The worker's global scope: what a dedicated worker has that the bundle may use, and no more.
  const scope: Record<string, unknown> & Port = {
    onmessage: null,
    postMessage: (message: unknown) => setTimeout(() => clientPort.onmessage?.({ data: structuredClone(message) }), 0),
    addEventListener: () => undefined,
    console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, structuredClone,
    TextEncoder, TextDecoder, URL, performance, crypto,
  };
  scope.self = scope;
  clientPort.postMessage = (message) => setTimeout(() => scope.onmessage?.({ data: structuredClone(message) }), 0);
  runInNewContext(readFileSync(join(ROOT, 'dist/server-web.js'), 'utf8'), scope, { filename: 'server-web.js' });
  nodeGlobals = runInNewContext('({ process: typeof process, require: typeof require, Buffer: typeof Buffer, setImmediate: typeof setImmediate })', scope) as Record<string, string>;

  connection = createProtocolConnection(new PortReader(clientPort), new PortWriter(clientPort));
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => void diagnostics.push(params));
  connection.onNotification('window/logMessage', (params: { message: string }) => void logs.push(params.message));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('postmortem/fs/stat', ({ uri }: { uri: string }) => {
    asked.push(`stat ${uri}`);
    const text = files.get(uri);
    if (text !== undefined) return { type: 'file', symbolicLink: false, size: Buffer.byteLength(text) };
    return [...files.keys()].some((key) => key.startsWith(`${uri}/`)) ? { type: 'directory', symbolicLink: false, size: 0 } : null;
  });
  connection.onRequest('postmortem/fs/readFile', ({ uri, maxBytes }: { uri: string; maxBytes: number }): unknown => {
    asked.push(`readFile ${uri}`);
    const text = files.get(uri);
    if (text === undefined) return null;
    return Buffer.byteLength(text) > maxBytes ? { tooLarge: true } : { text };
  });
  connection.onRequest('postmortem/fs/findFiles', ({ folderUri }: { folderUri: string }) => {
    asked.push(`findFiles ${folderUri}`);
    return [...files.keys()].filter((uri) => uri.startsWith(`${folderUri}/`) && uri.endsWith('.md'));
  });
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: null,
    rootUri: FOLDER,
    workspaceFolders: [{ uri: FOLDER, name: 'ws' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: { codeDescriptionSupport: true } } },
    initializationOptions: { workspaceTrusted: true },
  });
  await connection.sendNotification('initialized', {});
});

afterAll(() => connection?.dispose());

describe('the web worker server', () => {
  it('runs where there is no process, require, Buffer or setImmediate', () => {
    expect(nodeGlobals).toEqual({ process: 'undefined', require: 'undefined', Buffer: 'undefined', setImmediate: 'function' });
  });

  it('checks an open postmortem against the template its workspace .postmortemrc.json names, read through the client', async () => {
    const uri = `${FOLDER}/team-payments/postmortems/2024-07-card-declines.md`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: CARD_DECLINES } });
    const published = await until('diagnostics for card-declines.md', () => latest(uri));
    const messages = published.diagnostics.map((d) => String(d.message));
    expect(messages.some((m) => /Customer Communication/.test(m)), messages.join('\n')).toBe(true);
    expect(asked).toContain(`readFile ${FOLDER}/team-payments/.postmortemrc.json`);
    expect(asked).toContain(`readFile ${FOLDER}/team-payments/payments-template.json`);
  });

  it('re-checks while typing: a timestamp that goes backwards is a timeline-order problem', async () => {
    const uri = `${FOLDER}/team-payments/postmortems/2024-07-card-declines.md`;
    const since = diagnostics.length;
    const text = CARD_DECLINES.replace('- **16:12:**', '- **15:12:**');
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    const published = await until('diagnostics for version 2', () => {
      const last = latest(uri, since);
      return last?.diagnostics.some((d) => d.code === 'timeline-order') ? last : undefined;
    });
    expect(published.diagnostics.find((d) => d.code === 'timeline-order')?.message).toMatch(/15:12/);
  });

  it('refuses a template outside the workspace folder without asking the client for it', async () => {
    const uri = `${FOLDER}/escape/postmortems/a.md`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: CARD_DECLINES } });
    await until('diagnostics for escape/a.md', () => latest(uri));
    const configProblems = await until('config diagnostics on escape/.postmortemrc.json', () => latest(`${FOLDER}/escape/.postmortemrc.json`));
    expect(configProblems.diagnostics.map((d) => d.message).join('\n')).toMatch(/outside the workspace folder/);
    expect(asked.filter((line) => line.includes('outside.json'))).toEqual([]);
  });

  it('refuses a template over 1 MB without reading it', async () => {
    const uri = `${FOLDER}/big/postmortems/b.md`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: CARD_DECLINES } });
    const configProblems = await until('config diagnostics on big/.postmortemrc.json', () => latest(`${FOLDER}/big/.postmortemrc.json`));
    expect(configProblems.diagnostics.map((d) => d.message).join('\n')).toMatch(/larger than 1 MB/);
    expect(asked).not.toContain(`readFile ${FOLDER}/big/huge.json`);
  });

  it('Lint Workspace lists the files through the client and checks the closed postmortems', async () => {
    for (const uri of [...files.keys()].filter((u) => u.endsWith('.md'))) await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const since = diagnostics.length;
    const count = await connection.sendRequest('workspace/executeCommand', { command: 'postmortem.server.lintWorkspace', arguments: [] });
    expect(count).toBe(3);
    expect(asked).toContain(`findFiles ${FOLDER}`);
    const card = latest(`${FOLDER}/team-payments/postmortems/2024-07-card-declines.md`, since);
    expect(card?.diagnostics.some((d) => /Customer Communication/.test(String(d.message)))).toBe(true);
    expect(latest(`${FOLDER}/notes/plain.md`, since)?.diagnostics ?? []).toEqual([]);
  });

  it('serves the preview from the same analysis', async () => {
    const uri = `${FOLDER}/team-payments/postmortems/2024-07-card-declines.md`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 3, text: CARD_DECLINES } });
    const preview = await connection.sendRequest<{ title: string; body: string }>('postmortem/preview', { uri });
    expect(preview.title).toMatch(/Card Payments Declined/);
    expect(preview.body).toMatch(/16:45/);
  });
});
