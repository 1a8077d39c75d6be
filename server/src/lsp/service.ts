// What every feature shares: open documents, settings, config, the latest analysis of each
// document, and the hooks features use to add capabilities and commands. Features get it
// through register…Support(connection, service) in server.ts.
import { TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult, type ServerCapabilities } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, AnalyzeOptions, Postmortem } from '../engine-entry.js';
import { engine } from './engine.js';
import type { AnalysisRunner } from './analysis-runner.js';
import { timeoutProblem } from '../node/analysis-jobs.js';
import { ConfigStore, type DocumentConfig } from './config-store.js';
import { SettingsStore } from './settings-store.js';
import { isPostmortemFile } from './postmortem-files.js';
import { DiagnosticsPublisher } from './publisher.js';
import type { DocumentAnalysis } from './document-analysis.js';
import type { PostmortemSettings } from './protocol.js';
import { logFailure } from './guard.js';
import { CheckedTextDocuments } from './checked-documents.js';
import { Snapshot } from './snapshot.js';
import { uriToPath, WorkspaceState } from './workspace.js';
import type { FileHost } from './file-host.js';

export interface DocumentState {
  isPostmortem: boolean;
  settings: PostmortemSettings;
  /** Set for postmortems. */
  config?: DocumentConfig;
  options?: AnalyzeOptions;
  /** The analysis budget (postmortem.analysisTimeoutMs). */
  timeoutMs: number;
}

export type { DocumentAnalysis } from './document-analysis.js';

type Command = (args: unknown[]) => unknown;

/** An analysis slower than this is logged to the output. */
const SLOW_ANALYSIS_MS = 100;
/** How long a request waits for the analysis of the current version before it answers from the latest finished one. */
const ANSWER_WAIT_MS = 1000;

export const TIMEOUT_SETTING = 'postmortem.analysisTimeoutMs';

export class PostmortemService {
  /** Open documents; their notifications' params are checked before the library reads them. */
  readonly documents = new CheckedTextDocuments();
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
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly fetching = new WeakMap<DocumentAnalysis, Promise<Postmortem | null>>();

  /**
   * `files`: how config, template and workspace files are read (disk on desktop, the client on the web).
   * `runner` runs every analysis (and Fix All), off this thread where the host can; the parse caches live with it.
   */
  constructor(
    readonly connection: Connection,
    readonly files: FileHost,
    readonly runner: AnalysisRunner,
  ) {
    this.settings = new SettingsStore(connection, this.workspace);
    this.configs = new ConfigStore(connection, this.workspace, files);
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
    const timeoutMs = settings.analysisTimeoutMs;
    if (!isPostmortemFile(this.workspace, uri, text, settings.files, languageId, settings.exclude)) return { isPostmortem: false, settings, timeoutMs };
    const config = await this.configs.forPath(uriToPath(uri), settings, engine().frontMatterTemplate(text));
    const options: AnalyzeOptions = { template: config.resolved.template, rules: config.resolved.rules, maxFileSizeKB: settings.maxFileSizeKB };
    return { isPostmortem: true, settings, config, options, timeoutMs };
  }

  /**
   * What requests (hover, completion, symbols…) answer from: the analysis of the current version
   * when it is ready within a moment, else the latest finished one, whatever its version (its
   * snapshot converts its positions). Never waits for a slow analysis to finish.
   */
  async answerFrom(live: TextDocument): Promise<DocumentAnalysis | undefined> {
    const current = this.analysisOf(live);
    // Nothing finished yet to answer from: the first analysis it is.
    if (!this.analyses.has(live.uri)) return current;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ANSWER_WAIT_MS)));
    const first = await Promise.race([current, late]);
    clearTimeout(timer);
    return first === 'late' ? this.analyses.get(live.uri) : first;
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
    const document = Snapshot.of(live);
    const state = await this.stateOf(uri, document.getText(), languageId);
    if (!state.isPostmortem) {
      this.analyses.delete(uri);
      return undefined;
    }
    const again = this.analyses.get(uri);
    if (again && again.version === version && again.generation === generation) return again;
    const entry = await this.analyze(document, state, generation);
    const open = this.documents.get(uri);
    if (!entry) {
      // A newer version took its place: answer with that one's analysis.
      return open && open.version !== version ? this.analysisOf(open) : undefined;
    }
    // The latest finished analysis is kept, even once the document has moved on: requests answer from it.
    const kept = this.analyses.get(uri);
    if (open && (!kept || kept.version <= version)) this.analyses.set(uri, entry);
    return entry;
  }

  /** Undefined when a newer version of the document superseded this analysis before it finished. */
  async analyze(document: TextDocument, state: DocumentState, generation = this.generation): Promise<DocumentAnalysis | undefined> {
    const text = document.getText();
    const template = state.options?.template ?? state.config?.resolved.template;
    const started = performance.now();
    const id = this.nextId++;
    // Only an open document is edited again (its pieces are kept); a file Lint Workspace reads from disk is analysed cold.
    const outcome = await this.runner.run({
      kind: 'analyze',
      uri: document.uri,
      text,
      options: { ...state.options, fileName: decodeURIComponent(document.uri.split('/').pop() ?? '') },
      timeoutMs: state.timeoutMs,
      keepCache: this.documents.get(document.uri) !== undefined,
      key: id,
    });
    let held = false;
    let analysis: Analysis;
    let ms: number;
    if (outcome.status === 'superseded') return undefined;
    if (outcome.status === 'done') {
      ({ analysis, ms } = outcome.value);
      held = outcome.value.modelHeld === true;
      // Slow analyses are what a user notices as lag: say which document, and how big it is.
      if (ms > SLOW_ANALYSIS_MS) this.connection.console.info(`Analysed ${document.uri} in ${Math.round(ms)} ms (${Math.round(text.length / 1024)} KB).`);
    } else if (outcome.status === 'timeout') {
      ms = outcome.ms;
      analysis = { postmortem: null, template: template!, problems: [timeoutProblem(outcome.ms, TIMEOUT_SETTING)] };
      this.connection.console.warn(`Analysing ${document.uri} (${Math.round(text.length / 1024)} KB) took longer than ${TIMEOUT_SETTING} (${outcome.ms} ms): stopped.`);
    } else {
      ms = performance.now() - started;
      const message = `This file could not be analysed (${outcome.message}), so it was not checked.`;
      analysis = { postmortem: null, template: template!, problems: [{ rule: engine().INTERNAL_ERROR, severity: 'warning', message, range: { start: 0, end: 0 }, fixes: [] }] };
      this.connection.console.error(`Analysing ${document.uri} failed: ${outcome.message}`);
    }
    return {
      id,
      held,
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
      timeoutMs: state.timeoutMs,
    };
  }

  /**
   * The model of an analysis: at hand for small documents, fetched from the worker for big ones
   * (once; waiting behind any analysis it is running). Null when not analysed, or no longer held.
   */
  modelOf(entry: DocumentAnalysis): Promise<Postmortem | null> {
    if (entry.analysis.postmortem || !entry.held) return Promise.resolve(entry.analysis.postmortem);
    let fetching = this.fetching.get(entry);
    if (!fetching) {
      fetching = this.runner.run({ kind: 'model', uri: entry.uri, key: entry.id, text: '', options: {}, timeoutMs: entry.timeoutMs }).then((outcome) => {
        const postmortem = outcome.status === 'done' ? outcome.value.postmortem : null;
        if (postmortem) {
          postmortem.text = entry.document.getText();
          entry.analysis.postmortem = postmortem;
          entry.held = false;
        }
        return postmortem;
      });
      this.fetching.set(entry, fetching);
    }
    return fetching;
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
    this.runner.forget(uri);
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
