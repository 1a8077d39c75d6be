// The Node server's analysis runner: one worker thread (dist/analysis-worker.cjs, beside
// dist/server.cjs) holding the parse caches, so the thread that speaks LSP never parses.
import { WorkerPool } from '../node/worker-pool.js';
import type { AnalysisRunner } from './analysis-runner.js';

export function createWorkerRunner(): AnalysisRunner {
  // It lives as long as the editor: a young generation of 16 MB, measured against V8's default (bench/never-freeze.ts).
  return new WorkerPool({ file: new URL('./analysis-worker.cjs', import.meta.url), size: 1, youngHeapMB: 16 });
}
