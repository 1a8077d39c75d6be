// The analysis worker collects between keystrokes, after a big document's answer is posted
// (node/idle-collect.ts): the young generation each time, the whole heap once it has grown, and
// never ahead of a request that has arrived.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { IDLE_COLLECT_FROM_CHARS, IDLE_MAJOR_GROWTH_BYTES, IdleCollector, type Collector } from '../../server/src/node/idle-collect.js';
import { createWorkerRunner } from '../../server/src/lsp/worker-runner.js';

const BIG = IDLE_COLLECT_FROM_CHARS;

function fixture(collector: 'exposed' | 'absent' = 'exposed') {
  const calls: string[] = [];
  const pending: (() => void)[] = [];
  const heap = { used: 100e6 };
  const collect: Collector = ({ type }) => {
    calls.push(type);
    // A full collection leaves what is live.
    if (type === 'major') heap.used = 60e6;
  };
  const idle = new IdleCollector(collector === 'exposed' ? collect : undefined, () => heap.used, (run) => void pending.push(run));
  return { calls, pending, heap, idle, turn: () => pending.splice(0).forEach((run) => run()) };
}

describe('collecting between keystrokes', () => {
  it('collects on the next turn after a big document’s answer, not during it', () => {
    const f = fixture();
    f.idle.answered(BIG, () => true);
    expect(f.calls).toEqual([]);
    f.turn();
    expect(f.calls).toHaveLength(1);
  });

  it('collects the young generation, and all of the heap once it has grown past what the last full collection left', () => {
    const f = fixture();
    const answer = (grownBy: number) => {
      f.heap.used += grownBy;
      f.idle.answered(BIG, () => true);
      f.turn();
    };
    answer(0);
    expect(f.calls).toEqual(['major']);
    answer(IDLE_MAJOR_GROWTH_BYTES / 2);
    answer(IDLE_MAJOR_GROWTH_BYTES / 2 - 1);
    expect(f.calls).toEqual(['major', 'minor', 'minor']);
    answer(1);
    expect(f.calls).toEqual(['major', 'minor', 'minor', 'major']);
    answer(1);
    expect(f.calls.at(-1)).toBe('minor');
  });

  it('leaves a small document to the collector, and lets a request that came in go first', () => {
    const f = fixture();
    f.idle.answered(BIG - 1, () => true);
    f.idle.answered(BIG, () => false);
    f.turn();
    expect(f.calls).toEqual([]);
  });

  it('does nothing where V8 does not expose its collector', () => {
    const f = fixture('absent');
    f.idle.answered(10 * BIG, () => true);
    expect(f.pending).toEqual([]);
  });

  it('the language server’s runner exposes the collector to workers made after it, both kinds', async () => {
    createWorkerRunner().dispose();
    const worker = new Worker("gc({ type: 'minor' }); gc({ type: 'major' }); require('node:worker_threads').parentPort.postMessage('collected')", { eval: true });
    const answer = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
    await worker.terminate();
    expect(answer).toBe('collected');
  });
});
