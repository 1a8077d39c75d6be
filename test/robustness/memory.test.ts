// Memory stays bounded over an editing session: the parse cache and what is read from it must not
// keep old versions of the document alive (a V8 slice is a view of the whole string it came from).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../support/lsp-client.js';

it('editing every section of a 1 MB postmortem once keeps no copy of the old versions', () => {
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'test/robustness/run-memory.ts')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr.slice(-2000)).toBe(0);
  const { sections, documentMB, keptMB } = JSON.parse(run.stdout.trim().split('\n').pop()!) as { sections: number; documentMB: number; keptMB: number };
  expect(sections).toBeGreaterThan(50);
  // One copy per edited section would be sections × documentMB (about 200 MB); allow a few copies.
  expect(keptMB).toBeLessThan(4 * documentMB);
}, 150_000);
