// The Node server's analysis runner: one worker thread (dist/analysis-worker.cjs, beside
// dist/server.cjs) holding the parse caches, so the thread that speaks LSP never parses.
import { setFlagsFromString } from 'node:v8';
import { WorkerPool } from '../node/worker-pool.js';
import type { AnalysisRunner } from './analysis-runner.js';

export function createWorkerRunner(): AnalysisRunner {
  // The worker collects its young generation between keystrokes (node/idle-collect.ts). The flag
  // gives `gc` to the contexts made after it, so the worker's, not this thread's.
  setFlagsFromString('--expose-gc');
  // It lives as long as the editor: a young generation of 16 MB, measured against V8's default (bench/never-freeze.ts).
  return new WorkerPool({ file: new URL('./analysis-worker.cjs', import.meta.url), size: 1, youngHeapMB: 16 });
}
