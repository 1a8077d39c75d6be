// Starts and stops code-server instances, each in its own process group so that stopping one also
// ends its extension hosts and our language server (they otherwise linger for hours).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { GiveUp, waitFor } from './wait.js';

/** What scripts/e2e/setup.sh selected ($PM_E2E_TOOLS/selected.json). */
export interface Tools {
  route: 'a' | 'b';
  codeServerVersion: string;
  /** The Node that runs code-server (and so its extension host). */
  node: string;
  /** code-server's out/node/entry.js. */
  entry: string;
  chromium: string;
}

export interface InstanceOptions {
  /** Folder name under the run directory for this instance's data. */
  name: string;
  runDir: string;
  /** User settings (settings.json). */
  settings: Record<string, unknown>;
  /** A .vsix to install before starting. */
  vsix?: string;
  /** Lets the mocha suite run in the extension host and report to the page (route A only). */
  smokeTestDriver?: boolean;
}

// code-server never looks up an extension gallery (port 9 is discard: nothing answers).
const GALLERY = '{"serviceUrl":"http://127.0.0.1:9/gallery","itemUrl":"http://127.0.0.1:9/item"}';

/** Settings every instance starts with; tests add to them. */
export const BASE_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'files.autoSave': 'off',
  'git.enabled': false,
  'window.commandCenter': false,
};

const live = new Set<CodeServer>();
let exitHooked = false;

/** Kills every instance still running; safe to call from an 'exit' handler (synchronous). */
export function killAll(): void {
  for (const instance of live) instance.kill('SIGKILL');
}

function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      killAll();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

export class CodeServer {
  readonly dir: string;
  readonly logFile: string;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private exitCode: number | null = null;

  private constructor(readonly tools: Tools, readonly options: InstanceOptions, readonly port: number) {
    this.dir = join(options.runDir, options.name);
    this.logFile = join(this.dir, 'code-server.log');
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The workbench URL for `folder`, with an optional smoke-driver payload. */
  url(folder: string, payload?: [string, string][]): string {
    let url = `${this.origin}/?folder=${encodeURIComponent(folder)}`;
    if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return url;
  }

  /** How a path on this machine is addressed from the workbench (the smoke driver wants these). */
  remoteUri(path: string): string {
    return `vscode-remote://127.0.0.1:${this.port}${path}`;
  }

  static async start(tools: Tools, options: InstanceOptions): Promise<CodeServer> {
    hookExit();
    const instance = new CodeServer(tools, options, await freePort());
    await instance.launch();
    return instance;
  }

  private commonArgs(): string[] {
    return [
      '--config', join(this.dir, 'config.yaml'),
      '--user-data-dir', join(this.dir, 'data'),
      '--extensions-dir', join(this.dir, 'extensions'),
    ];
  }

  private env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, EXTENSIONS_GALLERY: GALLERY };
    // Nothing of an outer VS Code, or of the npm script that started us, leaks into the extension host.
    for (const key of Object.keys(env)) {
      if (key.startsWith('VSCODE_') || key.startsWith('npm_') || key === 'NODE_OPTIONS' || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
    }
    return env;
  }

  private async launch(): Promise<void> {
    mkdirSync(join(this.dir, 'data', 'User'), { recursive: true });
    mkdirSync(join(this.dir, 'extensions'), { recursive: true });
    writeFileSync(join(this.dir, 'config.yaml'), `bind-addr: 127.0.0.1:${this.port}\nauth: none\ncert: false\n`);
    writeFileSync(join(this.dir, 'data', 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...this.options.settings }, null, 2));

    if (this.options.vsix) {
      const install = spawnSync(this.tools.node, [this.tools.entry, ...this.commonArgs(), '--install-extension', this.options.vsix], {
        env: this.env(),
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (install.status !== 0) {
        throw new Error(`code-server --install-extension failed (${install.status ?? install.signal}):\n${install.stdout}${install.stderr}`);
      }
    }

    const args = [
      this.tools.entry,
      ...this.commonArgs(),
      '--bind-addr', `127.0.0.1:${this.port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-proxy',
      // Extension hosts of a closed page end after 5 s, not hours (4.99 has no such option).
      ...(this.tools.route === 'a' ? ['--reconnection-grace-time', '5'] : []),
      ...(this.options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ];
    const log = openSync(this.logFile, 'a');
    // detached: a new session and process group (setsid), which stop() ends as a whole.
    const child = spawn(this.tools.node, args, { detached: true, stdio: ['ignore', log, log], env: this.env() });
    closeSync(log);
    this.child = child;
    live.add(this);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => {
      this.exitCode = code ?? (signal ? 128 : 0);
      resolve();
    }));

    await waitFor(`code-server on port ${this.port} to answer /healthz`, async () => {
      if (this.exitCode !== null) throw new GiveUp(`code-server exited (${this.exitCode}):\n${this.logTail()}`);
      const response = await fetch(`${this.origin}/healthz`).catch(() => undefined);
      return response?.ok === true;
    }, 90_000, 200).catch((error: unknown) => {
      this.kill('SIGKILL');
      throw error;
    });
  }

  logTail(lines = 30): string {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  kill(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is gone already.
    }
    if (signal === 'SIGKILL') live.delete(this);
  }

  /** Stops the whole process group: politely, then for good after a deadline. */
  async stop(): Promise<void> {
    if (!this.child) return;
    this.kill('SIGTERM');
    const stopped = await Promise.race([this.exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000))]);
    // Extension hosts and language servers share the group; whatever is left goes now.
    this.kill('SIGKILL');
    if (!stopped) await this.exited;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
