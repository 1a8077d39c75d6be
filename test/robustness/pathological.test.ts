// Pathological inputs (test/robustness/pathological-inputs.ts): the time we take grows linearly.
// Each family is checked at n and 10n: time(10n) / time(n) < 20, best of 3 after a warm-up. A
// ratio, not milliseconds, so a busy machine slows both sides alike.
//
// remark-parse itself is superlinear on some families and slow on others (see `parser` on each);
// there the check is on our part after parsing: analyze with a parse cache that already holds the
// document's trees, so only our reading of the trees and the rules are timed. The big inputs run in
// their own process with a memory limit: each must finish, or be refused by the size cap.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, ParseCache } from '../../server/src/core/index.js';
import { BIG_INPUTS, PATHOLOGICAL_FAMILIES } from './pathological-inputs.js';
import { ROOT } from '../support/lsp-client.js';

const MAX_RATIO = 20;
const figures: string[] = [];

/** Milliseconds per call of `fn`: each sample repeats it for at least 30 ms, so timer resolution does not matter. */
function sample(fn: () => void): number {
  let calls = 0;
  const started = performance.now();
  do {
    fn();
    calls++;
  } while (performance.now() - started < 30);
  return (performance.now() - started) / calls;
}

/** Best of 3 for n and for 10n, the samples interleaved so both see the same JIT and the same neighbours. */
function growth(small: () => void, large: () => void): { a: number; b: number } {
  small();
  large();
  let a = Infinity;
  let b = Infinity;
  for (let run = 0; run < 3; run++) {
    a = Math.min(a, sample(small));
    b = Math.min(b, sample(large));
  }
  return { a, b };
}

/** Our part: analyze with every piece's tree already in the cache. */
function ours(text: string): () => void {
  const cache = new ParseCache(256 * 1024 * 1024);
  analyze(text, { cache });
  return () => analyze(text, { cache });
}

function whole(text: string): () => void {
  return () => analyze(text);
}

afterAll(() => {
  if (process.env.PATHOLOGICAL_REPORT) console.log(figures.join('\n'));
});

describe('pathological inputs: growth from n to 10n', () => {
  for (const family of PATHOLOGICAL_FAMILIES) {
    const [small, large] = family.sizes ?? [1000, 10_000];
    it(`${family.name}: our part after parsing (n = ${small} → ${large})`, () => {
      const { a, b } = growth(ours(family.make(small)), ours(family.make(large)));
      figures.push(`${family.name.padEnd(45)} ours   ${small}: ${a.toFixed(2)} ms  ${large}: ${b.toFixed(2)} ms  ratio ${(b / a).toFixed(1)}`);
      expect(b / a).toBeLessThan(MAX_RATIO);
    }, 120_000);

    if (family.parser === 'linear') {
      it(`${family.name}: the whole analysis (n = 1000 → 10000)`, () => {
        const { a, b } = growth(whole(family.make(1000)), whole(family.make(10_000)));
        figures.push(`${family.name.padEnd(45)} whole  1000: ${a.toFixed(2)} ms  10000: ${b.toFixed(2)} ms  ratio ${(b / a).toFixed(1)}`);
        expect(b / a).toBeLessThan(MAX_RATIO);
      }, 120_000);
    }
  }
});

describe('big inputs: each finishes, or the size cap refuses it', () => {
  for (const input of BIG_INPUTS) {
    it(input.name, () => {
      const run = spawnSync(process.execPath, ['--max-old-space-size=768', '--import', 'tsx', join(ROOT, 'test/robustness/run-big-input.ts'), input.name], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 90_000,
      });
      const crashed = run.status !== 0 ? `exit ${run.status ?? run.signal}${/heap out of memory/.test(run.stderr) ? ' (out of memory)' : ''}` : undefined;
      expect(crashed, `${input.name} did not finish: ${crashed}\n${run.stderr.slice(-2000)}`).toBeUndefined();
      const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as { kb: number; chars: number; ms: number; analysed: boolean; problems: number; first?: { rule: string; message: string } };
      figures.push(`${input.name.padEnd(45)} ${String(result.kb).padStart(5)} KB  ${result.ms} ms  ${result.analysed ? `${result.problems} problems` : result.first?.rule}`);
      if (input.refused) {
        expect(result.analysed).toBe(false);
        expect(result.first).toEqual({ rule: 'file-too-large', message: expect.stringMatching(/^This file .*2048 KB.*postmortem\.maxFileSizeKB/) });
      } else {
        expect(result.analysed).toBe(true);
      }
    }, 120_000);
  }
});
