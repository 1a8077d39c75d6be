// What every feature shares: open documents, settings, config, the latest analysis of each
// document, and the hooks features use to add capabilities and commands. Features get it
// through register…Support(connection, service) in server.ts.
import { TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult, type ServerCapabilities } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalyzeOptions, ParseCache } from '../engine-entry.js';
import { engine } from './engine.js';
import { ConfigStore, type DocumentConfig } from './config-store.js';
import { SettingsStore } from './settings-store.js';
import { isPostmortemFile } from './postmortem-files.js';
import { DiagnosticsPublisher } from './publisher.js';
import type { DocumentAnalysis } from './document-analysis.js';
import type { PostmortemSettings } from './protocol.js';
import { logFailure } from './guard.js';
import { uriToPath, WorkspaceState } from './workspace.js';

export interface DocumentState {
  isPostmortem: boolean;
  settings: PostmortemSettings;
  /** Set for postmortems. */
  config?: DocumentConfig;
  options?: AnalyzeOptions;
}

export type { DocumentAnalysis } from './document-analysis.js';

type Command = (args: unknown[]) => unknown;

/** An analysis slower than this is logged to the output. */
const SLOW_ANALYSIS_MS = 100;

export class PostmortemService {
  readonly documents = new TextDocuments(TextDocument);
  readonly workspace = new WorkspaceState();
  readonly settings: SettingsStore;
  readonly configs: ConfigStore;
  readonly publisher: DiagnosticsPublisher;
  private readonly analyses = new Map<string, DocumentAnalysis>();
  private readonly pending = new Map<string, { version: number; generation: number; result: Promise<DocumentAnalysis | undefined> }>();
  private nextId = 1;
  /** Bumped when settings, config or trust change: older analyses are out of date. */
  private generation = 0;
  private readonly capabilities: ServerCapabilities[] = [];
  private readonly initializeHooks: ((params: InitializeParams) => void)[] = [];
  private readonly initializedHooks: (() => void)[] = [];
  private readonly refreshListeners: (() => void)[] = [];
  private readonly commands = new Map<string, Command>();
  private refreshTimer: NodeJS.Timeout | undefined;
  /** One per open document: each keeps the pieces of its document's last analysis. */
  private readonly parseCaches = new Map<string, ParseCache>();

  constructor(readonly connection: Connection) {
    this.settings = new SettingsStore(connection, this.workspace);
    this.configs = new ConfigStore(connection, this.workspace);
    this.publisher = new DiagnosticsPublisher(connection);
  }

  // ---- wiring used by the register…Support functions

  addCapabilities(capabilities: ServerCapabilities): void {
    this.capabilities.push(capabilities);
  }

  onInitialize(hook: (params: InitializeParams) => void): void {
    this.initializeHooks.push(hook);
  }

  onInitialized(hook: () => void): void {
    this.initializedHooks.push(hook);
  }

  /** Called after settings, config files or trust changed and every open document was re-checked. */
  onRefresh(listener: () => void): void {
    this.refreshListeners.push(listener);
  }

  addCommand(name: string, run: Command): void {
    this.commands.set(name, run);
  }

  command(name: string): Command | undefined {
    return this.commands.get(name);
  }

  initialize(params: InitializeParams): InitializeResult {
    this.workspace.initialize(params);
    for (const hook of this.initializeHooks) hook(params);
    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    };
    // One level deep, so two features can both add to `workspace` (or any other group).
    const record = capabilities as Record<string, unknown>;
    for (const part of this.capabilities) {
      for (const [key, value] of Object.entries(part)) {
        const current = record[key];
        const isGroup = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
        record[key] = isGroup(current) && isGroup(value) ? { ...(current as object), ...(value as object) } : value;
      }
    }
    capabilities.executeCommandProvider = { commands: [...this.commands.keys()] };
    return { capabilities, serverInfo: { name: 'postmortem-language-server' } };
  }

  initialized(): void {
    for (const hook of this.initializedHooks) hook();
  }

  // ---- documents

  /** Whether the document is a postmortem and, if so, how to analyse it. Loads the engine only for postmortems. */
  async stateOf(uri: string, text: string, languageId?: string, settings?: PostmortemSettings): Promise<DocumentState> {
    settings ??= await this.settings.get(uri);
    if (!isPostmortemFile(this.workspace, uri, text, settings.files, languageId, settings.exclude)) return { isPostmortem: false, settings };
    const config = this.configs.forPath(uriToPath(uri), settings, engine().frontMatterTemplate(text));
    const options: AnalyzeOptions = { template: config.resolved.template, rules: config.resolved.rules, maxFileSizeKB: settings.maxFileSizeKB };
    return { isPostmortem: true, settings, config, options };
  }

  /** The analysis of the document's current text (cached per version); undefined when it is not a postmortem. */
  analysisOf(live: TextDocument): Promise<DocumentAnalysis | undefined> {
    const { uri, version } = live;
    const generation = this.generation;
    const cached = this.analyses.get(uri);
    if (cached && cached.version === version && cached.generation === generation) return Promise.resolve(cached);
    // Diagnostics and a completion often ask for the same version at once: analyse it once.
    const pending = this.pending.get(uri);
    if (pending && pending.version === version && pending.generation === generation) return pending.result;
    const result = this.analyzeLive(live, generation).finally(() => {
      if (this.pending.get(uri)?.result === result) this.pending.delete(uri);
    });
    this.pending.set(uri, { version, generation, result });
    return result;
  }

  private async analyzeLive(live: TextDocument, generation: number): Promise<DocumentAnalysis | undefined> {
    const { uri, version, languageId } = live;
    // TextDocuments updates documents in place: analyse a snapshot.
    const document = TextDocument.create(uri, languageId, version, live.getText());
    const state = await this.stateOf(uri, document.getText(), languageId);
    if (!state.isPostmortem) {
      this.analyses.delete(uri);
      return undefined;
    }
    const again = this.analyses.get(uri);
    if (again && again.version === version && again.generation === generation) return again;
    const entry = this.analyze(document, state, generation);
    if (this.documents.get(uri)?.version === version) this.analyses.set(uri, entry);
    return entry;
  }

  analyze(document: TextDocument, state: DocumentState, generation = this.generation): DocumentAnalysis {
    // Only an open document is edited again; a file Lint Workspace reads from disk is analysed cold.
    let cache = this.parseCaches.get(document.uri);
    if (!cache && this.documents.get(document.uri)) this.parseCaches.set(document.uri, (cache = new (engine().ParseCache)()));
    const started = performance.now();
    const analysis = engine().analyze(document.getText(), { ...state.options, cache, fileName: decodeURIComponent(document.uri.split('/').pop() ?? '') });
    const ms = performance.now() - started;
    // Slow analyses are what a user notices as lag: say which document, and how big it is.
    if (ms > SLOW_ANALYSIS_MS) this.connection.console.info(`Analysed ${document.uri} in ${Math.round(ms)} ms (${Math.round(document.getText().length / 1024)} KB).`);
    return {
      id: this.nextId++,
      uri: document.uri,
      version: document.version,
      document,
      analysis,
      options: state.options ?? {},
      templateName: state.config?.resolved.templateName ?? '',
      templateSource: state.config?.resolved.templateSource ?? 'default',
      templateReason: state.config?.resolved.templateReason,
      configErrors: (state.config?.resolved.problems ?? []).filter((p) => p.severity === 'error' || p.origin === 'document').map((p) => p.message),
      generation,
      ms,
    };
  }

  /** The last analysis of an open document, whatever its version (for matching diagnostics). */
  lastAnalysis(uri: string): DocumentAnalysis | undefined {
    return this.analyses.get(uri);
  }

  /** The open document at exactly this version, else undefined. */
  documentAt(uri: string, version: unknown): TextDocument | undefined {
    const document = this.documents.get(uri);
    return document && document.version === version ? document : undefined;
  }

  forget(uri: string): void {
    this.analyses.delete(uri);
    this.parseCaches.delete(uri);
    this.settings.forget(uri);
  }

  // ---- changes to settings, config files and trust

  /** Coalesces bursts (a save touches several watched files) into one refresh. */
  requestRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      logFailure(this.connection, 'Refreshing postmortem config', this.refresh());
    }, 20);
  }

  private async refresh(): Promise<void> {
    this.generation++;
    this.configs.beginRefresh();
    try {
      for (const document of this.documents.all()) {
        try {
          await this.stateOf(document.uri, document.getText(), document.languageId);
        } catch (error) {
          this.connection.console.error(`Reading the config for ${document.uri} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      this.configs.endRefresh();
    }
    for (const listener of this.refreshListeners) listener();
  }
}
