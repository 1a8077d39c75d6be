// Where the language server's analyses run, behind one small interface (node/analysis-jobs.ts):
// server.ts injects a pool of worker threads (worker-runner.ts); a host without them (a browser
// web worker entry) injects the in-process runner below. No Node imports here.
import { AnalysisJobs, type AnalysisEngine, type AnalysisOutcome, type AnalysisRequest, type AnalysisRunner, type ResultOf } from '../node/analysis-jobs.js';

export type { AnalysisRunner, AnalysisOutcome, AnalysisRequest, AnalyzeResult } from '../node/analysis-jobs.js';

/**
 * Runs each job on the calling thread, one after the other: no budget can stop it (a web worker
 * server is off the UI thread already), so the outcome is always `done` or `failed`.
 */
export class InProcessRunner implements AnalysisRunner {
  private jobs: AnalysisJobs | undefined;

  /** `engine` is called on the first job, so the engine loads on first use. */
  constructor(private readonly engine: () => AnalysisEngine) {}

  async run<R extends AnalysisRequest>(request: R): Promise<AnalysisOutcome<ResultOf<R>>> {
    this.jobs ??= new AnalysisJobs(this.engine());
    try {
      return { status: 'done', value: this.jobs.run(request) };
    } catch (error) {
      return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }

  forget(uri: string): void {
    this.jobs?.forget(uri);
  }

  dispose(): void {
    this.jobs = undefined;
  }
}
