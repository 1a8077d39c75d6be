// Talks to the bundled language server (dist/server.cjs --stdio) the way an editor does, for
// the protocol tests. No fixed sleeps: every wait is for a message, with a deadline.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(ROOT, 'test/protocol/fixtures');
const SERVER = join(ROOT, 'dist/server.cjs');
const ENGINE = join(ROOT, 'dist/engine.cjs');

export const uriOf = (path: string) => pathToFileURL(path).href;

// ---- building once, even with test files running in parallel

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const mtime = (path: string) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};

/** Builds the server bundles unless they are newer than every server source (`npm test` builds first). */
export function ensureBuilt(): void {
  const lock = join(ROOT, 'dist/.protocol-test-build.lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    // At most one build per test run: rebuilding under a server another test file started could
    // hand it a half-written engine.cjs. Test files run in forks of one vitest process.
    const marker = join(ROOT, 'dist/.protocol-test-build');
    const run = String(process.ppid);
    if (existsSync(marker) && readFileSync(marker, 'utf8') === run && existsSync(SERVER) && existsSync(ENGINE)) return;
    const sources = Math.max(newestSource(join(ROOT, 'server/src')), newestSource(join(ROOT, 'schemas/templates')));
    if (Math.min(mtime(SERVER), mtime(ENGINE)) <= sources) {
      const result = spawnSync(process.execPath, ['scripts/build.mjs', 'server'], { cwd: ROOT, encoding: 'utf8' });
      if (Math.min(mtime(SERVER), mtime(ENGINE)) <= sources) throw new Error(`Building the server failed:\n${result.stderr}`);
    }
    writeFileSync(marker, run);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// ---- the client side of the conversation

export interface StartOptions {
  /** Workspace folder paths. */
  folders?: string[];
  /** initializationOptions.workspaceTrusted; omitted means not sent. */
  trusted?: boolean;
  /** What workspace/configuration answers for the "postmortem" section. */
  settings?: (scopeUri: string | undefined) => Record<string, unknown>;
  capabilities?: ClientCapabilities;
}

const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { resolveSupport: { properties: ['edit'] }, isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    completion: { completionItem: { snippetSupport: false } },
    hover: { contentFormat: ['plaintext', 'markdown'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

export class TestServer {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: string[] = [];
  readonly texts = new Map<string, { text: string; version: number }>();
  private readonly waiters: (() => void)[] = [];
  settings: (scopeUri: string | undefined) => Record<string, unknown>;
  initializeResult: InitializeResult | undefined;
  exited = false;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? (() => ({}));
  }

  static async start(options: StartOptions = {}): Promise<TestServer> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new TestServer(child, connection, options);
    child.on('exit', () => {
      server.exited = true;
      server.notify();
    });
    child.stderr!.on('data', (chunk) => server.logs.push(String(chunk)));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      server.diagnostics.push(params);
      server.notify();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      server.logs.push(params.message);
    });
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      server.messages.push(params);
      server.notify();
    });
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((item) => (item.section === 'postmortem' ? server.settings(item.scopeUri) : null)),
    );
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      server.registrations.push(...params.registrations);
      server.notify();
      return null;
    });
    connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      server.appliedEdits.push(params.edit);
      server.notify();
      return { applied: true };
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const folders = (options.folders ?? []).map((path) => ({ uri: uriOf(path), name: path }));
    server.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length ? folders : null,
      capabilities: options.capabilities ?? CAPABILITIES,
      initializationOptions: options.trusted === undefined ? undefined : { workspaceTrusted: options.trusted },
    });
    await connection.sendNotification('initialized', {});
    return server;
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves with the first value `check` returns that is not undefined, re-checked on every message. */
  async until<T>(what: string, check: () => T | undefined, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (this.exited) throw new Error(`Server exited while waiting for ${what}.\n${this.logs.join('')}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}.`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The first diagnostics for `uri` published after `since` (an index into `diagnostics`) that pass `accept`. */
  nextDiagnostics(uri: string, since = 0, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.until(`diagnostics for ${uri}`, () => this.diagnostics.slice(since).find((p) => p.uri === uri && accept(p)), timeoutMs);
  }

  mark(): number {
    return this.diagnostics.length;
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): void {
    this.texts.set(uri, { text, version });
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.texts.get(uri)?.version ?? 0) + 1;
    this.texts.set(uri, { text, version });
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  close(uri: string): void {
    this.texts.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R = any>(method: string, params?: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  sendNotification(method: string, params?: unknown): void {
    void this.connection.sendNotification(method, params);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    try {
      await Promise.race([this.request('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      void this.connection.sendNotification('exit');
    } catch {
      // Already gone.
    }
    await Promise.race([new Promise((resolve) => this.child.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 2000))]);
    if (!this.exited) this.child.kill();
    this.connection.dispose();
  }
}

/** Applies a versioned WorkspaceEdit (documentChanges) or plain changes for `uri` to `text`. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit, expectedVersion?: number): string {
  let edits: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change) || change.textDocument.uri !== uri) continue;
    if (expectedVersion !== undefined && change.textDocument.version !== expectedVersion) throw new Error(`Edit for version ${change.textDocument.version}, document is at ${expectedVersion}`);
    edits = edits.concat(change.edits as TextEdit[]);
  }
  edits = edits.concat(edit.changes?.[uri] ?? []);
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
}
