// A bare client for the bundled language server (dist/server.cjs --stdio), for the robustness
// tests: spawn, initialize, answer the server's own requests, collect what it publishes.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The bundle under test; POSTMORTEM_SERVER_BUNDLE points elsewhere (to check a test fails on a broken server). */
export const SERVER = process.env.POSTMORTEM_SERVER_BUNDLE ?? join(ROOT, 'dist/server.cjs');
export const uriOf = (path: string) => pathToFileURL(path).href;

export interface ClientOptions {
  folders: string[];
  initializationOptions?: unknown;
  /** The "postmortem" settings section the client reports. */
  settings?: Record<string, unknown>;
}

export class Client {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly logs: { type: number; message: string }[] = [];
  readonly shown: { type: number; message: string }[] = [];
  readonly stderr: string[] = [];
  initializeResult!: InitializeResult;
  private listeners: (() => void)[] = [];

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: ClientOptions): Promise<Client> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new Client(child, connection);
    child.stderr!.on('data', (chunk) => client.stderr.push(String(chunk)));
    child.on('exit', () => client.changed());
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.diagnostics.push(params);
      client.changed();
    });
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      client.logs.push(params);
    });
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      client.shown.push(params);
      client.changed();
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'postmortem' ? (options.settings ?? {}) : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/applyEdit', () => ({ applied: false }));
    connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      client.shown.push(params);
      client.changed();
      return null;
    });
    connection.listen();
    const folders = options.folders.map((path) => ({ uri: uriOf(path), name: path }));
    client.initializeResult = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, applyEdit: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          hover: { contentFormat: ['plaintext', 'markdown'] },
          codeAction: { isPreferredSupport: true, resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        },
      },
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  private changed(): void {
    for (const listener of this.listeners.splice(0)) listener();
  }

  /** Waits until `check` returns something other than undefined, re-checking on every message. */
  async until<T>(what: string, check: () => T | undefined, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (this.exited) throw new Error(`The server exited while waiting for ${what}:\n${this.stderr.join('')}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.listeners.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The request's result, or its error as { error: { code, message } }; never hangs past the deadline. */
  async request(method: string, params: unknown, timeoutMs = 20_000): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method} did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      const call = params === undefined ? this.connection.sendRequest(method) : this.connection.sendRequest(method, params);
      return await Promise.race([call.then((result) => ({ result })), timeout]);
    } catch (error) {
      if (error instanceof Error && error.message.endsWith('ms')) throw error;
      const { code, message } = error as { code: number; message: string };
      return { error: { code, message } };
    } finally {
      clearTimeout(timer);
    }
  }

  notify(method: string, params?: unknown): void {
    void (params === undefined ? this.connection.sendNotification(method) : this.connection.sendNotification(method, params));
  }

  open(uri: string, text: string, version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** The first diagnostics for `uri` at `version` published after index `since`. */
  diagnosticsFor(uri: string, version: number | undefined, since = 0, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.until(`diagnostics for ${uri} v${version}`, () => this.diagnostics.slice(since).find((d) => d.uri === uri && (version === undefined || d.version === version)), timeoutMs);
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      this.notify('exit');
    } catch {
      // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (!this.exited) this.child.kill();
    this.connection.dispose();
  }
}
