// The analysis runners (server/src/node/worker-pool.ts, server/src/lsp/analysis-runner.ts) on the
// built worker bundle: the model crosses postMessage whole (cycles included), an analysis over its
// budget is abandoned and its worker replaced, and a newer version supersedes an older one.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../server/src/node/worker-pool.js';
import { InProcessRunner } from '../../server/src/lsp/analysis-runner.js';
import { AnalysisJobs, type AnalysisEngine, type AnalyzeRequest } from '../../server/src/node/analysis-jobs.js';
import * as Core from '../../server/src/core/index.js';
import { ROOT } from '../support/lsp-client.js';

const WORKER = join(ROOT, 'dist/analysis-worker.cjs');
const CLEAN = `# Postmortem: Cache failover

**Duration:** 2024-03-03 09:12 - 11:40 (UTC)

## Impact

Checkout was slow.

## Timeline

- **09:12:** Alert fires.
- **09:05:** Failover.

## Root Cause and Resolution

### Root Cause

Stale connections.

## Corrective and Preventative Measures

- **Fxi:** Upgrade the client.
`;
/** cmark's nested emphasis: seconds of parsing for 20 KB. */
const NESTED_EMPHASIS = `# Postmortem: x\n\n## Impact\n\n${'*'.repeat(10_000)}a${'*'.repeat(10_000)}\n`;

const request = (uri: string, text: string, timeoutMs = 60_000): AnalyzeRequest => ({ kind: 'analyze', uri, text, options: {}, timeoutMs, keepCache: true });

let pool: WorkerPool | undefined;
afterEach(() => pool?.dispose());

describe('the worker pool', () => {
  it('returns the analysis with its model whole: the text, and the cycles between sections and entries', async () => {
    pool = new WorkerPool({ file: WORKER, size: 1 });
    const outcome = await pool.run(request('file:///a.md', CLEAN));
    expect(outcome.status).toBe('done');
    if (outcome.status !== 'done') return;
    const { postmortem, problems } = outcome.value.analysis;
    expect(postmortem!.text).toBe(CLEAN);
    const cause = postmortem!.allSections.find((s) => s.title === 'Root Cause')!;
    expect(cause.parent?.title).toBe('Root Cause and Resolution');
    expect(cause.parent!.children).toContain(cause);
    expect(postmortem!.allSections).toContain(postmortem!.timeline[0].section);
    expect(problems.map((p) => p.rule).sort()).toEqual(['action-item-unknown-tag', 'missing-section', 'missing-section', 'missing-section', 'timeline-order', 'timeline-window']);
    // The same as in process, where nothing is copied.
    const engine = createRequire(import.meta.url)(join(ROOT, 'dist/engine.cjs')) as AnalysisEngine;
    const inProcess = await new InProcessRunner(() => engine).run(request('file:///a.md', CLEAN));
    expect(inProcess.status === 'done' && inProcess.value.analysis).toEqual(outcome.value.analysis);
  });

  it('abandons an analysis over its budget, replaces the worker, and the next job runs', async () => {
    pool = new WorkerPool({ file: WORKER, size: 1 });
    await pool.run(request('file:///warm.md', CLEAN));
    const started = performance.now();
    const slow = await pool.run(request('file:///slow.md', NESTED_EMPHASIS, 300));
    expect(slow).toEqual({ status: 'timeout', ms: 300 });
    // Deadline, not speed: terminating the worker does not wait for the parser.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(pool.workers).toBe(1);
    const next = await pool.run(request('file:///warm.md', CLEAN));
    expect(next.status === 'done' && next.value.analysis.problems.length).toBe(6);
  });

  it('drops an older version still waiting when a newer one of the same document arrives', async () => {
    pool = new WorkerPool({ file: WORKER, size: 1 });
    await pool.run(request('file:///warm.md', CLEAN));
    const busy = pool.run(request('file:///other.md', CLEAN.repeat(20)));
    const older = pool.run(request('file:///doc.md', CLEAN.replace('Fxi', 'Fix')));
    const newer = pool.run(request('file:///doc.md', CLEAN));
    expect(await older).toEqual({ status: 'superseded' });
    expect((await newer).status).toBe('done');
    expect((await busy).status).toBe('done');
  });

  it('stops an older version that has been running a while when a newer one arrives', async () => {
    pool = new WorkerPool({ file: WORKER, size: 1, supersedeAfterMs: 100 });
    await pool.run(request('file:///warm.md', CLEAN));
    const older = pool.run(request('file:///doc.md', NESTED_EMPHASIS));
    await new Promise((resolve) => setTimeout(resolve, 400));
    const newer = pool.run(request('file:///doc.md', CLEAN));
    expect(await older).toEqual({ status: 'superseded' });
    expect((await newer).status).toBe('done');
  });

  it('runs jobs on several workers at once and answers each', async () => {
    pool = new WorkerPool({ file: WORKER, size: 2 });
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => pool!.run({ kind: 'checkFile', uri: `f${i}.md`, text: CLEAN, options: {}, timeoutMs: 60_000, fix: i % 2 === 0, wantAnalysis: false })));
    expect(pool.workers).toBe(2);
    for (const [i, outcome] of outcomes.entries()) {
      expect(outcome.status).toBe('done');
      if (outcome.status !== 'done') continue;
      // --fix: the tag typo and the entry order are fixed, the missing sections stay.
      expect(outcome.value.fixed).toBe(i % 2 === 0);
      expect(outcome.value.problems.map((p) => p.rule).includes('action-item-unknown-tag')).toBe(i % 2 !== 0);
    }
  });
});

describe('analysis jobs', () => {
  it('hands the engine the template it had before when an equal copy arrives, so what it keeps by template holds', () => {
    const seen: unknown[] = [];
    const engine: AnalysisEngine = { ...Core, analyze: (text, options) => (seen.push(options?.template), Core.analyze(text, options)) };
    const jobs = new AnalysisJobs(engine);
    const copy = () => structuredClone(Core.getBuiltinTemplate('default')!);
    const other = { ...copy(), name: 'other' };
    for (const template of [copy(), copy(), other, copy()]) jobs.run({ ...request('file:///a.md', CLEAN), options: { template } });
    expect(seen[1]).toBe(seen[0]);
    expect(seen[3]).toBe(seen[0]);
    expect(seen[2]).not.toBe(seen[0]);
    expect(seen[2]).toMatchObject({ name: 'other' });
  });

  it('lets go of a document’s held model as its next analysis starts, so a collection during it need not keep that model', () => {
    let analyses = 0;
    const engine: AnalysisEngine = {
      ...Core,
      analyze: (text, options) => {
        analyses++;
        if (analyses === 2) {
          // While the second analysis runs, the first one's model is no longer held.
          expect(jobs.run({ kind: 'model', uri: 'file:///a.md', key: 1, text: '', options: {}, timeoutMs: 1000 }).postmortem).toBeNull();
        }
        return Core.analyze(text, options);
      },
    };
    const jobs: AnalysisJobs = new AnalysisJobs(engine, () => {}, 0);
    const open = (key: number) => jobs.run({ ...request('file:///a.md', CLEAN), keepCache: true, key });
    expect(open(1).modelHeld).toBe(true);
    expect(jobs.run({ kind: 'model', uri: 'file:///a.md', key: 1, text: '', options: {}, timeoutMs: 1000 }).postmortem).not.toBeNull();
    expect(open(2).modelHeld).toBe(true);
    expect(analyses).toBe(2);
  });
});
