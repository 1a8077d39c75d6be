// The AnalysisRunner of the Node server and the CLI: a pool of worker threads
// (analysis-worker.ts), each running one job at a time. A job over its budget is abandoned by
// terminating its worker, which is replaced: the thread that asked never waits past the budget,
// and nothing of the abandoned analysis is ever used. The server runs one worker (its parse
// caches live there); the CLI one per core.
import { Worker } from 'node:worker_threads';
import { restoreText, type AnalysisOutcome, type AnalysisRequest, type AnalysisRunner, type AnalyzeResult, type ResultOf, type WorkerMessage, type WorkerReply } from './analysis-jobs.js';
import { ProblemRecord, type Shift } from './problem-delta.js';
import { TextRecord, type TextEdit } from './text-delta.js';
import type { KnownChange } from '../core/parse/text-change.js';

export interface PoolOptions {
  /** The worker bundle, dist/analysis-worker.cjs. */
  file: string | URL;
  size: number;
  /** A newer version of a document stops its older analysis once that has run this long (else it finishes, unused or not). */
  supersedeAfterMs?: number;
  /** The worker's heap: a document that needs more fails alone instead of taking the process down. */
  maxHeapMB?: number;
  /**
   * Its young generation. V8 sizes it from maxHeapMB otherwise; a smaller one keeps an editor's
   * server lighter (about 20 MB less after typing in a 1 MB document) for a few percent on a cold analysis.
   */
  youngHeapMB?: number;
}

interface Job {
  id: number;
  request: AnalysisRequest;
  resolve(outcome: AnalysisOutcome<unknown>): void;
  startedAt?: number;
  /** Fires when the job has gone a whole budget without progress. */
  timer?: NodeJS.Timeout;
  /** Fires at HARD_CAP budgets, progress or not. */
  cap?: NodeJS.Timeout;
  /** The change its text was posted as, from the text posted before: its problems are placed by it (problem-delta.ts). */
  change?: KnownChange;
}

/**
 * However steadily a document's pieces are parsed, its analysis stops after this many budgets, one
 * more per CAP_CHARS_PER_BUDGET characters: a legitimate 1 MB postmortem took 13 s cold on a
 * machine loaded tenfold, past ten budgets.
 */
const HARD_CAP = 10;
const CAP_CHARS_PER_BUDGET = 50_000;

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  /** The problems this worker sent last per open document: its next result is a delta on them. */
  problems: ProblemRecord;
  /** The texts posted to it last per open document: the next is posted as an edit on them. */
  texts: TextRecord;
}

export class WorkerPool implements AnalysisRunner {
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private disposed = false;

  constructor(private readonly options: PoolOptions) {}

  run<R extends AnalysisRequest>(request: R): Promise<AnalysisOutcome<ResultOf<R>>> {
    return new Promise((resolve) => {
      if (this.disposed) return resolve({ status: 'failed', message: 'The analysis workers were shut down.' });
      if (request.kind === 'analyze') this.supersede(request.uri);
      this.queue.push({ id: this.nextId++, request, resolve: resolve as Job['resolve'] });
      this.pump();
    });
  }

  forget(uri: string): void {
    this.dropQueued(uri, () => true);
    for (const slot of this.slots) {
      slot.problems.forget(uri);
      slot.texts.forget(uri);
      slot.worker.postMessage({ forget: uri } satisfies WorkerMessage);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.resolve({ status: 'failed', message: 'The analysis workers were shut down.' });
    for (const slot of this.slots.splice(0)) {
      this.settle(slot, { status: 'failed', message: 'The analysis workers were shut down.' });
      void slot.worker.terminate();
    }
  }

  /** Workers started so far (for tests: a timeout replaces one). */
  get workers(): number {
    return this.slots.length;
  }

  /** An older analysis of `uri` still waiting is dropped; one running long is stopped. */
  private supersede(uri: string): void {
    this.dropQueued(uri, (job) => job.request.kind === 'analyze');
    const limit = this.options.supersedeAfterMs ?? 250;
    for (const slot of this.slots) {
      const job = slot.job;
      if (job?.request.kind === 'analyze' && job.request.uri === uri && performance.now() - (job.startedAt ?? Infinity) >= limit) {
        this.replace(slot, { status: 'superseded' });
      }
    }
  }

  private dropQueued(uri: string, which: (job: Job) => boolean): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const job = this.queue[i];
      if (job.request.uri === uri && which(job)) {
        this.queue.splice(i, 1);
        job.resolve({ status: 'superseded' });
      }
    }
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.ready && !s.job);
      if (!slot) {
        // Start a worker only when every one is busy (or still loading) and there is room.
        if (this.slots.length < this.options.size && !this.slots.some((s) => !s.ready)) this.slots.push(this.spawn());
        return;
      }
      this.start(slot, this.queue.shift()!);
    }
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    job.startedAt = performance.now();
    // The budget starts when the worker gets the job: loading the engine is not the document's fault.
    const budget = Math.max(1, job.request.timeoutMs);
    job.timer = setTimeout(() => this.replace(slot, { status: 'timeout', ms: job.request.timeoutMs }), budget);
    const budgets = Math.max(HARD_CAP, Math.ceil(job.request.text.length / CAP_CHARS_PER_BUDGET));
    job.cap = setTimeout(() => this.replace(slot, { status: 'timeout', ms: job.request.timeoutMs }), budget * budgets);
    const { request } = job;
    let edit: TextEdit | undefined;
    if (request.kind === 'analyze' && request.keepCache) {
      edit = slot.texts.encode(request.uri, job.id, request.text);
      // Kept for the result: finding the change again, for where its problems kept their place, cost ~0.2 ms a keystroke of 1 MB.
      job.change = slot.texts.changeOf(request.uri);
    }
    slot.worker.postMessage((edit ? { id: job.id, request: { ...request, text: '' }, edit } : { id: job.id, request }) satisfies WorkerMessage);
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.file, {
      // Worker output would go to our stdout, which is the LSP channel in the server.
      stdout: true,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMB ?? 1024, ...(this.options.youngHeapMB && { maxYoungGenerationSizeMb: this.options.youngHeapMB }) },
    });
    worker.stdout.resume();
    const slot: Slot = { worker, ready: false, problems: new ProblemRecord(), texts: new TextRecord() };
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.pump();
        return;
      }
      const job = slot.job;
      if ('progress' in reply) {
        // A piece was parsed: the budget bounds the stretch without progress (a 1 MB document on a busy machine takes a while, one paragraph should not).
        if (job?.id === reply.progress) job.timer?.refresh();
        return;
      }
      if (!job || job.id !== reply.id) return;
      if ('resend' in reply) return slot.worker.postMessage({ id: job.id, request: job.request } satisfies WorkerMessage);
      this.settle(slot, reply.ok ? this.received(slot, job, restoreText(reply.result, job.request.text)) : { status: 'failed', message: reply.message });
      this.pump();
    });
    const lost = (why: string) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      this.settle(slot, { status: 'failed', message: why });
      this.pump();
    };
    worker.on('error', (error) => lost(error instanceof Error ? error.message : String(error)));
    worker.on('exit', (code) => lost(`the analysis worker exited (code ${code})`));
    return slot;
  }

  /** A result as the worker sent it, its problems whole again (problem-delta.ts). */
  private received(slot: Slot, { request, change }: Job, result: unknown): AnalysisOutcome<unknown> {
    if (request.kind !== 'analyze' || !request.keepCache) return { status: 'done', value: result };
    const value = result as AnalyzeResult & { problemsShift?: Shift };
    try {
      value.analysis.problems = slot.problems.decode(request.uri, request.text, value.analysis.problems, value.problemsShift, change);
    } catch (error) {
      // Never expected: start both records afresh, so the next result comes whole.
      slot.problems.forget(request.uri);
      slot.texts.forget(request.uri);
      slot.worker.postMessage({ forget: request.uri } satisfies WorkerMessage);
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    delete value.problemsShift;
    return { status: 'done', value };
  }

  /** Ends the slot's job with `outcome` and puts a fresh worker in its place. */
  private replace(slot: Slot, outcome: AnalysisOutcome<unknown>): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    void slot.worker.terminate();
    this.settle(slot, outcome);
    if (!this.disposed) this.slots.push(this.spawn());
    this.pump();
  }

  private settle(slot: Slot, outcome: AnalysisOutcome<unknown>): void {
    const job = slot.job;
    slot.job = undefined;
    if (!job) return;
    clearTimeout(job.timer);
    clearTimeout(job.cap);
    job.resolve(outcome);
  }
}
