// --jobs and --timeout-ms (issue 12): files are checked on worker threads, the output keeps the
// order of the files whatever finishes first, exit codes do not change, and cmark's pathological
// families finish or time out with one problem within the budget + 1 s each.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEVER_FREEZE_INPUTS } from '../robustness/pathological-inputs.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/postmortem-lint.cjs');
const BUDGET_MS = 3000;

const cli = (args: string[], cwd = ROOT) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });

/** Wall time of a whole run, spawn to exit. */
function timed(args: string[], cwd: string): Promise<{ ms: number; code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, stdout }));
  });
}

describe('postmortem-lint --jobs and --timeout-ms', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-cli-jobs-'));
    const problems = readFileSync(join(ROOT, 'examples/problems-postmortem.md'), 'utf8');
    const clean = readFileSync(join(ROOT, 'examples/clean-postmortem.md'), 'utf8');
    // A big file first, so with two workers the small ones after it finish before it does.
    writeFileSync(join(dir, 'a-big.md'), problems + '\n' + '- **Fxi:** more.\n'.repeat(20_000));
    for (let i = 0; i < 8; i++) writeFileSync(join(dir, `f${i}.md`), i % 2 ? clean : problems);
    NEVER_FREEZE_INPUTS.forEach((input, i) => writeFileSync(join(dir, `slow${i}.md`), input.make()));
  });

  it('prints the same report, in the order of the files, with any number of jobs; exit codes unchanged', () => {
    const files = ['a-big.md', ...Array.from({ length: 8 }, (_, i) => `f${i}.md`)];
    const one = cli(['--jobs', '1', '--format', 'json', ...files], dir);
    const three = cli(['--jobs', '3', '--format', 'json', ...files], dir);
    expect(one.status).toBe(1);
    expect(three.status).toBe(1);
    expect(JSON.parse(three.stdout).map((r: { file: string }) => r.file)).toEqual(files);
    expect(three.stdout).toBe(one.stdout);
    const clean = cli(['--jobs', '2', 'f1.md', 'f3.md'], dir);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('2 file(s) checked, no problems');
  });

  it('rejects --jobs 0 and a --timeout-ms that is not a number', () => {
    expect(cli(['--jobs', '0', 'f1.md'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('--jobs needs a number above 0.') });
    expect(cli(['--timeout-ms', 'soon', 'f1.md'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('--timeout-ms needs a whole number') });
  });

  it('each pathological file finishes, or times out with one problem naming --timeout-ms, within the budget + 1 s', async () => {
    // What every run costs anyway (starting Node, the bundle and a worker), measured beside it.
    const baseline = await timed(['f1.md'], dir);
    for (const [i, input] of NEVER_FREEZE_INPUTS.entries()) {
      const run = await timed(['--jobs', '1', '--format', 'json', `slow${i}.md`], dir);
      expect(run.ms - baseline.ms, `${input.name}: ms beyond a trivial run`).toBeLessThan(BUDGET_MS + 1_000);
      const [result] = JSON.parse(run.stdout) as { problems: { rule: string; message: string; severity: string }[] }[];
      const timedOut = result.problems.filter((p) => p.rule === 'analysis-timeout');
      if (timedOut.length) {
        expect(result.problems).toEqual([expect.objectContaining({ rule: 'analysis-timeout', severity: 'warning', message: expect.stringContaining('--timeout-ms (3000 ms)') })]);
        // A warning: the exit code says what it always said.
        expect(run.code).toBe(0);
      }
    }
  }, 120_000);

  it('--fix leaves a file whose check timed out as it was', () => {
    const before = readFileSync(join(dir, 'slow0.md'), 'utf8');
    const run = cli(['--fix', '--timeout-ms', '200', 'slow0.md'], dir);
    expect(run.stdout).toContain('analysis-timeout');
    expect(readFileSync(join(dir, 'slow0.md'), 'utf8')).toBe(before);
  });
});
