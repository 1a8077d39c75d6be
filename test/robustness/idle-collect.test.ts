// The analysis worker collects its young generation between keystrokes, after a big document's
// answer is posted (node/idle-collect.ts), and never ahead of a request that has arrived.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { collectWhenIdle, IDLE_COLLECT_FROM_CHARS, type Collector } from '../../server/src/node/idle-collect.js';
import { createWorkerRunner } from '../../server/src/lsp/worker-runner.js';

function recorder() {
  const calls: unknown[] = [];
  const pending: (() => void)[] = [];
  const collect: Collector = (options) => void calls.push(options);
  return { calls, pending, collect, later: (run: () => void) => void pending.push(run), turn: () => pending.splice(0).forEach((run) => run()) };
}

describe('collecting between keystrokes', () => {
  it('collects the young generation on the next turn after a big document’s answer, not during it', () => {
    const r = recorder();
    collectWhenIdle(r.collect, IDLE_COLLECT_FROM_CHARS, () => true, r.later);
    expect(r.calls).toEqual([]);
    r.turn();
    expect(r.calls).toEqual([{ type: 'minor' }]);
  });

  it('leaves a small document to the collector, and lets a request that came in go first', () => {
    const r = recorder();
    collectWhenIdle(r.collect, IDLE_COLLECT_FROM_CHARS - 1, () => true, r.later);
    collectWhenIdle(r.collect, IDLE_COLLECT_FROM_CHARS, () => false, r.later);
    r.turn();
    expect(r.calls).toEqual([]);
  });

  it('does nothing where V8 does not expose its collector', () => {
    const r = recorder();
    collectWhenIdle(undefined, 10 * IDLE_COLLECT_FROM_CHARS, () => true, r.later);
    expect(r.pending).toEqual([]);
  });

  it('the language server’s runner exposes the collector to workers made after it', async () => {
    createWorkerRunner().dispose();
    const worker = new Worker("gc({ type: 'minor' }); require('node:worker_threads').parentPort.postMessage('collected')", { eval: true });
    const answer = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
    await worker.terminate();
    expect(answer).toBe('collected');
  });
});
