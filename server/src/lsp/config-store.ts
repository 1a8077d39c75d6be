// Config per document: the nearest .postmortemrc.json inside the document's workspace folder,
// plus the settings, resolved by the engine. Problems in the config file are published as
// diagnostics on that file; problems in the settings are shown once as a warning.
import { dirname, relative, resolve, sep } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { ConfigHost, ConfigProblem, ResolvedConfig } from '../engine-entry.js';
import { engine } from './engine.js';
import { toRange } from './convert.js';
import { DIAGNOSTIC_SOURCE, type PostmortemSettings } from './protocol.js';
import { pathToUri, type WorkspaceState } from './workspace.js';
import type { FileHost } from './file-host.js';

/** A template can name the template it extends: enough rounds of reading for any sane chain. */
const MAX_TEMPLATE_ROUNDS = 8;
type TemplateRead = { text?: string; refusal?: string };

export interface DocumentConfig {
  resolved: ResolvedConfig;
  configPath?: string;
}

export class ConfigStore {
  private readonly cache = new Map<string, DocumentConfig>();
  /** Config file URIs we published problems for. */
  private readonly published = new Set<string>();
  /** During a refresh: config files whose problems were not re-published yet. */
  private stale: Set<string> | undefined;
  /** Template files any config asked for (found or not), to notice when they change. */
  private readonly templatePaths = new Set<string>();
  private readonly warned = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly workspace: WorkspaceState,
    private readonly files: FileHost,
  ) {}

  /**
   * The config for a file path (undefined for untitled documents). `documentTemplate` is the
   * document's front matter `template:`, which wins over the config file and the settings.
   */
  async forPath(path: string | undefined, settings: PostmortemSettings, documentTemplate?: string): Promise<DocumentConfig> {
    const folder = path ? this.workspace.folderOf(path) : undefined;
    const configPath = path && folder ? await this.files.findConfigFile(dirname(path), folder.path) : undefined;
    // The config's "overrides" pick by the file's path relative to it.
    const filePath = path && configPath ? relative(dirname(configPath), path).split(sep).join('/') : undefined;
    const key = JSON.stringify([configPath ?? null, folder?.path ?? null, settings.template, settings.rules, this.workspace.trusted, documentTemplate ?? null, filePath ?? null]);
    const cached = this.cache.get(key);
    if (cached) return cached;

    const { text: configText, error } = configPath ? await this.files.readConfigText(configPath) : {};
    if (error !== undefined) this.connection.console.warn(`Could not read ${configPath}: ${error}`);
    const e = engine();
    // A .postmortemrc.json that names a template wins over the editor setting.
    const template = settings.template !== '' && !e.configNamesTemplate(configText) ? settings.template : undefined;
    const refused: string[] = [];
    const configDir = configPath ? dirname(configPath) : folder?.path;
    // The engine reads templates synchronously, the host asynchronously: resolve, read what it
    // asked for, resolve again, until it asks for nothing new.
    const reads = new Map<string, TemplateRead>();
    let resolved!: ResolvedConfig;
    for (let round = 0; round < MAX_TEMPLATE_ROUNDS; round++) {
      refused.length = 0;
      const wanted: [string, 'file' | 'settings'][] = [];
      resolved = e.resolveConfig(configText, this.host(configDir, folder?.path, refused, reads, wanted), { template, documentTemplate, rules: settings.rules as never, filePath });
      if (wanted.length === 0) break;
      await Promise.all(wanted.map(async ([ref, origin]) => reads.set(`${origin}:${ref}`, await this.readTemplate(ref, origin, configDir!, folder!.path))));
    }
    resolved.problems = resolved.problems.map((problem) => explainRefusal(problem, refused, this.workspace.trusted));

    const result: DocumentConfig = { resolved, configPath };
    this.log(result, folder?.path);
    if (configPath && configText !== undefined) this.publish(configPath, configText, resolved.problems.filter((p) => p.origin === undefined));
    for (const problem of resolved.problems) if (problem.origin === 'settings') this.warnOnce(problem.message);
    // Not a pop-up: a half-typed `template: goo` would raise one per keystroke. The status bar says it too.
    for (const problem of resolved.problems) if (problem.origin === 'document') this.logOnce(`${path ?? 'untitled'}: ${problem.message}`);
    this.cache.set(key, result);
    return result;
  }

  /** Whether a changed file is a template some config uses (or asked for and did not find). */
  usesTemplate(path: string): boolean {
    return this.templatePaths.has(resolve(path));
  }

  /** Drops every resolution; config diagnostics not re-published before endRefresh() are cleared then. */
  beginRefresh(): void {
    this.files.forget?.();
    this.cache.clear();
    this.warned.clear();
    this.stale = new Set([...(this.stale ?? []), ...this.published]);
  }

  endRefresh(): void {
    for (const uri of this.stale ?? []) {
      this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.published.delete(uri);
    }
    this.stale = undefined;
  }

  /**
   * Template files are read only inside the workspace folder, and only when the workspace is
   * trusted. Answers from `reads`; a template not read yet goes on `wanted` for the next round.
   */
  private host(configDir: string | undefined, root: string | undefined, refused: string[], reads: Map<string, TemplateRead>, wanted: [string, 'file' | 'settings'][]): ConfigHost {
    if (!configDir || !root || !this.workspace.trusted) {
      return { readTemplate: (path) => void refused.push(path) };
    }
    return {
      readTemplate: (path, origin) => {
        const read = reads.get(`${origin}:${path}`);
        if (!read) {
          wanted.push([path, origin]);
          return undefined;
        }
        if (read.refusal !== undefined) throw new Error(read.refusal);
        return read.text;
      },
    };
  }

  private async readTemplate(path: string, origin: 'file' | 'settings', configDir: string, root: string): Promise<TemplateRead> {
    // The host's base: the config's folder, or the workspace folder for a setting.
    const full = resolve(origin === 'settings' ? root : configDir, path);
    this.templatePaths.add(full);
    this.connection.console.info(`Loading template ${full}`);
    try {
      return { text: await this.files.readTemplate(path, origin, configDir, root) };
    } catch (error) {
      return { refusal: error instanceof Error ? error.message : String(error) };
    }
  }

  private publish(configPath: string, text: string, problems: ConfigProblem[]): void {
    const uri = pathToUri(configPath);
    this.stale?.delete(uri);
    if (problems.length === 0 && !this.published.has(uri)) return;
    const document = TextDocument.create(uri, 'json', 0, text);
    const diagnostics: Diagnostic[] = problems.map((problem) => ({
      range: toRange(document, problem.range),
      severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: DIAGNOSTIC_SOURCE,
      code: 'config',
      message: problem.message,
    }));
    this.connection.sendDiagnostics({ uri, diagnostics });
    if (diagnostics.length) this.published.add(uri);
    else this.published.delete(uri);
  }

  private logOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.connection.console.warn(message);
  }

  /** What the output channel shows for each resolution: the template in use, and what is wrong. */
  private log({ resolved, configPath }: DocumentConfig, folder: string | undefined): void {
    const where = configPath ?? folder ?? 'files outside a workspace folder';
    this.connection.console.info(`Config for ${where}: template "${resolved.templateName}".`);
    for (const problem of resolved.problems) {
      const source = problem.origin === 'settings' ? 'postmortem settings' : configPath ?? 'config';
      this.connection.console[problem.severity === 'error' ? 'error' : 'warn'](`${source}: ${problem.message}`);
    }
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.connection.window.showWarningMessage(`Postmortem settings: ${message}`);
  }
}

/** "Template file x not found" is wrong when we refused to look: say why, and what happens instead. */
function explainRefusal(problem: ConfigProblem, refused: string[], trusted: boolean): ConfigProblem {
  const ref = refused.find((path) => problem.message.includes(path));
  if (ref === undefined) return problem;
  const message = trusted
    ? `Template file ${ref} was not read: template paths work only for postmortems inside a workspace folder. Checking against the built-in "default" template; open the folder, or name a built-in template.`
    : `Template file ${ref} was not read because this workspace is not trusted. Postmortems here are checked against the built-in "default" template until you trust the workspace.`;
  return { ...problem, severity: 'warning', message };
}
