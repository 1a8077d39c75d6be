// What an analysis worker does, and the messages it answers. Import-free (engine types only, the
// engine itself is handed in), so the same jobs run in a worker thread (analysis-worker.ts), a
// browser web worker, or in process (InProcessRunner, lsp/analysis-runner.ts). Requests and results cross
// postMessage, so they hold plain data only: the Postmortem model does (its cycles survive
// structured clone), functions and class instances would not.
import type * as Core from '../core/index.js';
import type { Analysis, AnalyzeOptions, ParseCache, Postmortem, PostmortemReport, Problem, ProblemReport, Template } from '../core/index.js';
import type { TextEdit } from './text-delta.js';
import type { KnownChange } from '../core/parse/text-change.js';

export type AnalysisEngine = Pick<typeof Core, 'analyze' | 'fixAll' | 'ParseCache' | 'reportAnalysis'>;

/** Options as they cross to a worker: no cache (it lives there) and no injected rules. */
export type JobOptions = Omit<AnalyzeOptions, 'cache' | 'ruleSet'>;

interface JobBase {
  /** The document (a URI, a path, `<stdin>`): its parse cache, and what a newer request supersedes. */
  uri: string;
  text: string;
  options: JobOptions;
  /** Over this, the analysis is abandoned (the worker is replaced) and the outcome is `timeout`. */
  timeoutMs: number;
}

/** Analyse an open document (keepCache: its pieces are kept for the next version) or a file once. */
export interface AnalyzeRequest extends JobBase {
  kind: 'analyze';
  keepCache: boolean;
  /** Names this analysis, for a later ModelRequest. */
  key?: number;
}

/** The model of a document's latest analysis, when the worker held it back (AnalyzeResult.modelHeld). */
export interface ModelRequest extends JobBase {
  kind: 'model';
  key: number;
}

export interface FixAllRequest extends JobBase {
  kind: 'fixAll';
}

/** The CLI's job per file: `--fix` first when asked, then the analysis as the reports read it. */
export interface CheckFileRequest extends JobBase {
  kind: 'checkFile';
  fix: boolean;
  /** The html format renders from the analysis itself. */
  wantAnalysis: boolean;
}

export type AnalysisRequest = AnalyzeRequest | FixAllRequest | CheckFileRequest | ModelRequest;

export interface AnalyzeResult {
  /**
   * Its `postmortem` is null when `modelHeld`: copying a big document's model across threads on
   * every keystroke cost more than the analysis (45 ms for 1 MB), and diagnostics need only the
   * problems. Requests fetch it when they need it (ModelRequest).
   */
  analysis: Analysis;
  modelHeld?: boolean;
  /** Time the analysis itself took, in the worker. */
  ms: number;
}

export interface FixAllResult {
  text: string;
  fixed: number;
  left: number;
}

export interface CheckFileResult {
  /** The text analysed: the fixed text after `--fix`. */
  text: string;
  fixed: boolean;
  problems: ProblemReport[];
  postmortem: PostmortemReport | null;
  analysis?: Analysis;
}

export interface ModelResult {
  /** Null when that analysis is no longer the document's latest. Its `text` is left empty: the asker has it. */
  postmortem: Postmortem | null;
}

export interface JobResults {
  model: ModelResult;
  analyze: AnalyzeResult;
  fixAll: FixAllResult;
  checkFile: CheckFileResult;
}

export type ResultOf<R extends AnalysisRequest> = JobResults[R['kind']];

export type AnalysisOutcome<T> =
  | { status: 'done'; value: T }
  /** Over its budget: abandoned, nothing of it is used. */
  | { status: 'timeout'; ms: number }
  /** A newer request for the same document replaced it before it finished. */
  | { status: 'superseded' }
  /** The worker failed (out of memory, say) or the engine threw. */
  | { status: 'failed'; message: string };

/** Where analyses run. The language server and the CLI each get one injected. */
export interface AnalysisRunner {
  run<R extends AnalysisRequest>(request: R): Promise<AnalysisOutcome<ResultOf<R>>>;
  /** The document closed: drop its cache, and any analysis of it still waiting. */
  forget(uri: string): void;
  dispose(): void;
}

/** What a worker thread (server/src/analysis-worker.ts) is sent, and answers. */
export type WorkerMessage = { id: number; request: AnalysisRequest; edit?: TextEdit } | { forget: string };
/** `resend`: the request came as an edit on a text the worker does not hold (text-delta.ts). */
export type WorkerReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; message: string } | { id: number; resend: true } | { progress: number } | { ready: true };

export const ANALYSIS_TIMEOUT = 'analysis-timeout';

/** The one problem a document gets when its analysis ran out of time; `setting` is what raises the budget. */
export function timeoutProblem(timeoutMs: number, setting: string): Problem {
  return {
    rule: ANALYSIS_TIMEOUT,
    severity: 'warning',
    message: `Checking this file took longer than ${setting} (${timeoutMs} ms), so it was stopped and the file was not checked. The next edit tries again; raise ${setting} for a file this complex.`,
    range: { start: 0, end: 0 },
    fixes: [],
  };
}

/** Below this the parser takes a document in one go, and is quick: no cache, no progress to report. */
const PIECES_FROM_CHARS = 16 * 1024;

/** Runs requests against an engine; holds one parse cache per document that asks to keep one. */
export class AnalysisJobs {
  private readonly caches = new Map<string, ParseCache>();
  /** The latest model per document, held back from its result (AnalyzeResult.modelHeld). */
  private readonly models = new Map<string, { key: number; postmortem: Postmortem }>();
  private readonly Cache: new () => ParseCache;

  /**
   * `progress` is called (at most every few ms) each time a piece of a document has been parsed:
   * a long document parsed piece by piece is making progress, a pathological paragraph is not
   * (worker-pool.ts times the stretches between).
   */
  constructor(
    private readonly engine: AnalysisEngine,
    progress: () => void = () => {},
    /** Models of open documents this long or longer stay here until asked for (a worker passes a size; in process, nothing is copied anyway). */
    private readonly holdModelsFrom = Infinity,
  ) {
    let last = 0;
    this.Cache = class extends engine.ParseCache {
      override set(...args: Parameters<ParseCache['set']>): void {
        super.set(...args);
        const now = performance.now();
        if (now - last < 20) return;
        last = now;
        progress();
      }
    };
  }

  /** `came`: how an analyze request's text came from the text before (it arrived as an edit). */
  run<R extends AnalysisRequest>(request: R, came?: KnownChange): ResultOf<R> {
    return this.dispatch(request.options.template ? { ...request, options: this.keptTemplate(request.options) } : request, came) as ResultOf<R>;
  }

  /** Templates kept by their JSON: a few, for the documents of a workspace and its config edits. */
  private readonly templates = new Map<string, Template>();

  /**
   * The options with the template kept from an earlier, equal one: a template crosses postMessage
   * as a fresh copy with every request, and the engine keeps by template what it works out once
   * (the template's index, its compiled phrase search), so a copy made each keystroke do it again.
   */
  private keptTemplate(options: JobOptions): JobOptions {
    const template = options.template!;
    const key = JSON.stringify(template);
    const kept = this.templates.get(key);
    if (kept) return { ...options, template: kept };
    if (this.templates.size >= 16) this.templates.delete(this.templates.keys().next().value!);
    this.templates.set(key, template);
    return options;
  }

  forget(uri: string): void {
    this.caches.delete(uri);
    this.models.delete(uri);
  }

  /** A cache for one job: big texts are parsed in pieces anyway, and this one reports each. */
  private coldCache(text: string): ParseCache | undefined {
    return text.length >= PIECES_FROM_CHARS ? new this.Cache() : undefined;
  }

  private dispatch(request: AnalysisRequest, came: KnownChange | undefined): JobResults[keyof JobResults] {
    const { engine } = this;
    switch (request.kind) {
      case 'analyze': {
        let cache = this.caches.get(request.uri);
        if (!cache && request.keepCache) this.caches.set(request.uri, (cache = new this.Cache()));
        cache ??= this.coldCache(request.text);
        if (came && cache) cache.knownChange(came.before, request.text, came.change);
        // Let go of the model before, so that the collector running during this analysis finds
        // it dead rather than copying its ~10 MB once more (its version is not the latest now).
        this.models.delete(request.uri);
        const started = performance.now();
        const analysis = engine.analyze(request.text, { ...request.options, cache });
        const ms = performance.now() - started;
        if (request.keepCache && request.key !== undefined && analysis.postmortem && request.text.length >= this.holdModelsFrom) {
          this.models.set(request.uri, { key: request.key, postmortem: analysis.postmortem });
          return { analysis: { ...analysis, postmortem: null }, ms, modelHeld: true };
        }
        return { analysis, ms };
      }
      case 'model': {
        const held = this.models.get(request.uri);
        return { postmortem: held?.key === request.key ? { ...held.postmortem, text: '' } : null };
      }
      case 'fixAll': {
        const { text, fixed, left } = engine.fixAll(request.text, { ...request.options, cache: this.coldCache(request.text) });
        return { text, fixed, left };
      }
      case 'checkFile': {
        let text = request.text;
        let fixed = false;
        const cache = this.coldCache(text);
        if (request.fix) {
          const result = engine.fixAll(text, { ...request.options, cache });
          fixed = result.text !== text;
          text = result.text;
        }
        const analysis = engine.analyze(text, { ...request.options, cache });
        return { text, fixed, ...engine.reportAnalysis(analysis, text), analysis: request.wantAnalysis ? analysis : undefined };
      }
    }
  }
}

/**
 * The document's text is in the request already: a result leaves it out of the model on the way
 * back (postMessage copies every string) and `restoreText` puts it back.
 */
export function withoutText<T>(result: T, text: string): T {
  const analysis = (result as Partial<AnalyzeResult>).analysis;
  const postmortem = analysis?.postmortem;
  if (!analysis || !postmortem || postmortem.text !== text) return result;
  return { ...result, analysis: { ...analysis, postmortem: { ...postmortem, text: '' } }, textOmitted: true };
}

export function restoreText<T>(result: T, text: string): T {
  const marked = result as T & { textOmitted?: boolean; analysis?: Analysis };
  if (!marked.textOmitted) return result;
  delete marked.textOmitted;
  if (marked.analysis?.postmortem) marked.analysis.postmortem.text = text;
  return result;
}
