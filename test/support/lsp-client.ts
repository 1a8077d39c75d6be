// The one stdio client for the bundled language server (dist/server.cjs --stdio), used by the
// protocol and robustness tests and by the bench: it talks to the server the way an editor does,
// answers the server's own requests, and records what the server sends. No fixed sleeps: every
// wait is for a message, with a deadline.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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

export const ROOT = resolve(import.meta.dirname, '../..');
/** The bundle under test; POSTMORTEM_SERVER_BUNDLE points elsewhere (to check a test fails on a broken server). */
export const SERVER = process.env.POSTMORTEM_SERVER_BUNDLE ?? join(ROOT, 'dist/server.cjs');
export const uriOf = (path: string) => pathToFileURL(path).href;

export type Settings = Record<string, unknown>;

export interface StartOptions {
  /** Workspace folder paths. */
  folders?: string[];
  /** initializationOptions.workspaceTrusted; omitted means not sent. */
  trusted?: boolean;
  /** Sent as is, instead of the one `trusted` makes. */
  initializationOptions?: unknown;
  /** What workspace/configuration answers for the "postmortem" section, per scope or for all. */
  settings?: Settings | ((scopeUri: string | undefined) => Settings);
  capabilities?: ClientCapabilities;
  /** Whether workspace/applyEdit requests are accepted (recorded either way). */
  applyEdits?: boolean;
  /** Another server bundle. */
  server?: string;
}

export const CAPABILITIES: ClientCapabilities = {
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
  window: { workDoneProgress: true },
};

/** Linux's USER_HZ: /proc reports CPU times in these ticks. */
const CLOCK_TICKS = 100;

export class LspTestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  /** performance.now() when each of `diagnostics` arrived. */
  readonly diagnosticsArrivedAt: number[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  /** window/showMessage and window/showMessageRequest. */
  readonly messages: { type: number; message: string }[] = [];
  /** window/logMessage. */
  readonly logs: { type: number; message: string }[] = [];
  readonly stderr: string[] = [];
  readonly texts = new Map<string, { text: string; version: number }>();
  settings: (scopeUri: string | undefined) => Settings;
  initializeResult!: InitializeResult;
  /** Spawn to `initialize` result, in ms. */
  initializeMs = NaN;
  private readonly waiters: (() => void)[] = [];
  private readonly folders: { uri: string; name: string }[];

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    const settings = options.settings ?? {};
    this.settings = typeof settings === 'function' ? settings : () => settings;
    this.folders = (options.folders ?? []).map((path) => ({ uri: uriOf(path), name: path }));
  }

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const spawnedAt = performance.now();
    const child = spawn(process.execPath, [options.server ?? SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection, options);
    child.on('exit', () => client.changed());
    child.stderr!.on('data', (chunk) => client.stderr.push(String(chunk)));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.diagnostics.push(params);
      client.diagnosticsArrivedAt.push(performance.now());
      client.changed();
    });
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      client.logs.push(params);
    });
    const shown = (params: { type: number; message: string }) => {
      client.messages.push(params);
      client.changed();
    };
    connection.onNotification('window/showMessage', shown);
    connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => (shown(params), null));
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((item) => (item.section === 'postmortem' ? client.settings(item.scopeUri) : null)),
    );
    connection.onRequest('workspace/workspaceFolders', () => client.folders);
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...params.registrations);
      client.changed();
      return null;
    });
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      client.appliedEdits.push(params.edit);
      client.changed();
      return { applied: options.applyEdits ?? true };
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    client.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'postmortem-test-client' },
      rootUri: client.folders[0]?.uri ?? null,
      workspaceFolders: client.folders.length ? client.folders : null,
      capabilities: options.capabilities ?? CAPABILITIES,
      initializationOptions: options.initializationOptions ?? (options.trusted === undefined ? undefined : { workspaceTrusted: options.trusted }),
    });
    client.initializeMs = performance.now() - spawnedAt;
    await connection.sendNotification('initialized', {});
    return client;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  private changed(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves with the first value `check` returns that is not undefined, re-checked on every message. */
  async until<T>(what: string, check: () => T | undefined, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (this.exited) throw new Error(`The server exited while waiting for ${what}:\n${this.stderr.join('')}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}.`);
      await new Promise<void>((resolve) => {
        // Also wakes now and then: the exit of a server that was killed is not a message.
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** An index into `diagnostics`: what arrives after it is new. */
  mark(): number {
    return this.diagnostics.length;
  }

  /** The first diagnostics for `uri` published after `since` (an index into `diagnostics`) that pass `accept`. */
  nextDiagnostics(uri: string, since = 0, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.until(`diagnostics for ${uri}`, () => this.diagnostics.slice(since).find((p) => p.uri === uri && accept(p)), timeoutMs);
  }

  /** The first diagnostics for `uri` at `version` (any version when undefined) published after `since`. */
  diagnosticsFor(uri: string, version: number | undefined, since = 0, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.nextDiagnostics(uri, since, (p) => version === undefined || p.version === undefined || p.version === version, timeoutMs);
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): void {
    this.texts.set(uri, { text, version });
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.texts.get(uri)?.version ?? 0) + 1;
    this.texts.set(uri, { text, version });
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  close(uri: string): void {
    this.texts.delete(uri);
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** The request's result; rejects with the server's error. */
  request<R = any>(method: string, params?: unknown): Promise<R> {
    return (params === undefined ? this.connection.sendRequest(method) : this.connection.sendRequest(method, params)) as Promise<R>;
  }

  /** The request's result, or its error as { error: { code, message } }; never hangs past the deadline. */
  async tryRequest(method: string, params: unknown, timeoutMs = 20_000): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method} did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.request(method, params).then((result) => ({ result })), timeout]);
    } catch (error) {
      if (error instanceof Error && error.message.endsWith(`within ${timeoutMs} ms`)) throw error;
      const { code, message } = error as { code: number; message: string };
      return { error: { code, message } };
    } finally {
      clearTimeout(timer);
    }
  }

  notify(method: string, params?: unknown): void {
    void (params === undefined ? this.connection.sendNotification(method) : this.connection.sendNotification(method, params));
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([this.request('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
        this.notify('exit');
      } catch {
        // Already gone.
      }
      await Promise.race([new Promise((resolve) => this.child.once('exit', resolve)), new Promise((resolve) => setTimeout(resolve, 2000))]);
      if (!this.exited) this.child.kill('SIGKILL');
    }
    this.connection.dispose();
  }

  /** VmRSS and VmHWM (peak) of the server process, in MB, from /proc/<pid>/status (Linux). */
  memory(): { rssMB: number; peakMB: number } {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
  }

  /** CPU time (user + system) the server process has used so far, in ms, from /proc (Linux). */
  cpuMs(): number {
    const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
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

/** Zero-based LSP position (UTF-16 units) of an offset in text. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
