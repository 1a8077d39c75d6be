// A minimal LSP client over stdio for the benchmark: Content-Length framing by hand (no client
// library between us and the pipe), answers to the server's own requests the way VS Code would,
// and a way to wait for the next publishDiagnostics of a document.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

type Json = unknown;

/** Linux's USER_HZ: /proc reports CPU times in these ticks. */
const CLOCK_TICKS = 100;
interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: Json;
  result?: Json;
  error?: { code: number; message: string };
}

export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

interface DiagnosticsWaiter {
  uri: string;
  version: number | undefined;
  resolve: (value: { params: PublishDiagnosticsParams; at: number }) => void;
}

/** The settings the VS Code client would send for `postmortem` (the manifest's defaults). */
export const CLIENT_SETTINGS = {
  template: 'default',
  rules: {},
  files: ['**/postmortems/**/*.md', '**/*postmortem*.md', '**/*post-mortem*.md', '**/incidents/**/*.md'],
  validate: 'onType',
  maxFileSizeKB: 2048,
};

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  /** performance.now() when the process was spawned. */
  readonly spawnedAt: number;
  private buffer: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: Json) => void; reject: (error: Error) => void; method: string }>();
  private readonly waiters: DiagnosticsWaiter[] = [];
  readonly stderr: string[] = [];
  exited = false;
  private folders: { uri: string; name: string }[] = [];

  constructor(serverFile: string, args: string[] = ['--stdio']) {
    this.spawnedAt = performance.now();
    this.process = spawn(process.execPath, [serverFile, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.process.on('exit', () => {
      this.exited = true;
      for (const { reject, method } of this.pending.values()) reject(new Error(`server exited before answering ${method}: ${this.stderr.join('').slice(-500)}`));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.process.pid!;
  }

  request(method: string, params: Json, timeoutMs = 30_000): Promise<Json> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => (clearTimeout(timer), resolve(value)),
        reject: (error) => (clearTimeout(timer), reject(error)),
        method,
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: Json): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * Resolves with the next publishDiagnostics for `uri` whose version is `version` (or, when the
   * server publishes without a version, the next one at all) and the performance.now() it arrived.
   */
  nextDiagnostics(uri: string, version: number | undefined, timeoutMs = 30_000): Promise<{ params: PublishDiagnosticsParams; at: number }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: DiagnosticsWaiter = { uri, version, resolve: (value) => (clearTimeout(timer), resolve(value)) };
      this.waiters.push(waiter);
    });
  }

  /** Server start to `initialize` result, in ms from spawn. */
  async initialize(rootDir: string): Promise<{ result: Json; ms: number }> {
    const rootUri = pathToFileURL(rootDir).href;
    this.folders = [{ uri: rootUri, name: 'bench' }];
    const result = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'postmortem-bench' },
      rootUri,
      workspaceFolders: this.folders,
      initializationOptions: { workspaceTrusted: true },
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: true, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        },
        window: { workDoneProgress: true },
      },
    });
    const ms = performance.now() - this.spawnedAt;
    this.notify('initialized', {});
    return { result, ms };
  }

  async shutdown(): Promise<void> {
    if (this.exited) return;
    try {
      await this.request('shutdown', null, 5_000);
      this.notify('exit', null);
    } catch {
      // killed below
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const timer = setTimeout(() => {
        this.process.kill('SIGKILL');
        resolve();
      }, 2_000);
      this.process.once('exit', () => (clearTimeout(timer), resolve()));
    });
  }

  /** VmRSS and VmHWM (peak) of the server process, in MB, from /proc/<pid>/status. */
  memory(): { rssMB: number; peakMB: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
  }

  /** CPU time (user + system) the server process has used so far, in ms. */
  cpuMs(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    const at = performance.now();
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
      if (!Number.isFinite(length)) throw new Error(`bad LSP header: ${header}`);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message, at);
    }
  }

  private dispatch(message: Message, at: number): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server: answer as VS Code would.
      this.send({ jsonrpc: '2.0', id: message.id, result: this.answer(message.method, message.params) });
      return;
    }
    if (message.method !== undefined) {
      if (message.method === 'textDocument/publishDiagnostics') {
        const params = message.params as PublishDiagnosticsParams;
        const index = this.waiters.findIndex((w) => w.uri === params.uri && (w.version === undefined || params.version === undefined || params.version === w.version));
        if (index >= 0) this.waiters.splice(index, 1)[0].resolve({ params, at });
      }
      return;
    }
    const pending = this.pending.get(message.id as number);
    if (!pending) return;
    this.pending.delete(message.id as number);
    if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
    else pending.resolve(message.result);
  }

  private answer(method: string, params: Json): Json {
    if (method === 'workspace/configuration') {
      const items = (params as { items?: { section?: string }[] }).items ?? [];
      return items.map((item) => (item.section === 'postmortem' ? CLIENT_SETTINGS : item.section?.startsWith('postmortem.') ? (CLIENT_SETTINGS as Record<string, unknown>)[item.section.slice(11)] ?? null : null));
    }
    if (method === 'workspace/workspaceFolders') return this.folders;
    return null;
  }
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
