// Repository rows of the benchmark: `postmortem-lint report` against plain `postmortem-lint` on the
// same 1,000 postmortems (three team templates), runs interleaved, best of N wall and CPU each.
// Run alone with `node --import tsx bench/repository-bench.ts` (after `npm run build`).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEAM_STYLES, writeTeamRepository } from './repository.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(ROOT, 'bin/postmortem-lint.cjs');

export interface RepositoryTarget {
  name: string;
  target: string;
  measured: string;
  pass: boolean | null;
}

export interface ReportBench {
  files: number;
  lint: { wallMs: number[]; cpuMs: number[] };
  report: { wallMs: number[]; cpuMs: number[] };
  /** best report ÷ best lint, wall and CPU. */
  wallRatio: number;
  cpuRatio: number;
}

/** Wall and CPU (user + system of the child) of one run; output to /dev/null. */
function timed(args: string[], cwd: string): Promise<{ wallMs: number; cpuMs: number; code: number | null }> {
  return new Promise((done, fail) => {
    const script = '"$@" >/dev/null 2>&1; code=$?; times; exit $code';
    const t0 = performance.now();
    const child = spawn('bash', ['-c', script, 'bash', process.execPath, CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let times = '';
    child.stdout.on('data', (chunk: Buffer) => (times += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const children = times.trim().split('\n')[1] ?? '';
      const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
      done({ wallMs: performance.now() - t0, cpuMs: seconds * 1000, code });
    });
  });
}

export async function measureReport(files = 1000, rounds = 3): Promise<ReportBench> {
  const dir = await mkdtemp(join(tmpdir(), 'postmortem-repo-bench-'));
  try {
    const perStyle = Math.ceil(files / TEAM_STYLES.length);
    for (const style of TEAM_STYLES) await writeTeamRepository(dir, style, Math.min(perStyle, files - perStyle * TEAM_STYLES.indexOf(style)));
    const lint = { wallMs: [] as number[], cpuMs: [] as number[] };
    const report = { wallMs: [] as number[], cpuMs: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['lint', 'report'] as const) : (['report', 'lint'] as const);
      for (const who of order) {
        const run = await timed(who === 'lint' ? ['postmortems'] : ['report', '--today', '2024-01-01', 'postmortems'], dir);
        if (run.code !== 0 && run.code !== 1) throw new Error(`${who} exited ${run.code}`);
        (who === 'lint' ? lint : report).wallMs.push(run.wallMs);
        (who === 'lint' ? lint : report).cpuMs.push(run.cpuMs);
      }
    }
    const best = (values: number[]) => Math.min(...values);
    return { files, lint, report, wallRatio: best(report.wallMs) / best(lint.wallMs), cpuRatio: best(report.cpuMs) / best(lint.cpuMs) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function reportTargets(bench: ReportBench): RepositoryTarget[] {
  return [
    { name: `report ÷ plain lint on ${bench.files} postmortems (wall, best of ${bench.lint.wallMs.length})`, target: '< 2.00×', measured: `${bench.wallRatio.toFixed(2)}×`, pass: bench.wallRatio < 2 },
    { name: `report ÷ plain lint on ${bench.files} postmortems (CPU)`, target: '< 2.00×', measured: `${bench.cpuRatio.toFixed(2)}×`, pass: bench.cpuRatio < 2 },
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bench = await measureReport();
  const ms = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
  console.log(`lint: wall ${ms(bench.lint.wallMs)} ms; CPU ${ms(bench.lint.cpuMs)} ms`);
  console.log(`report: wall ${ms(bench.report.wallMs)} ms; CPU ${ms(bench.report.cpuMs)} ms`);
  for (const t of reportTargets(bench)) console.log(`| ${t.name} | ${t.target} | ${t.measured} | ${t.pass ? 'PASS' : 'MISS'} |`);
}
