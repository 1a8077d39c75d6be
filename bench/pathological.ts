// Pathological-input figures, from the generators in test/robustness/pathological-inputs.ts when
// that module exists (another part of the project writes it). Some of those inputs make micromark
// (under remark-parse, markdownlint and us alike) take minutes, and synchronous code cannot be
// interrupted, so each contestant runs in its own child process (bench/pathological-runner.ts):
// a run that passes the time limit kills that child and is reported as "> limit"; a fresh child
// takes over. The whole phase stops at a time budget; inputs left are listed as not run.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './stats.js';

export const PATHOLOGICAL_MODULE = 'test/robustness/pathological-inputs.ts';
export const CONTESTANTS = ['remark', 'markdownlint', 'ours'] as const;
export type ContestantName = (typeof CONTESTANTS)[number];

export interface PathologicalRow {
  name: string;
  bytes: number;
  /** CPU ms per contestant (median); null when the run passed the time limit or failed. */
  ms: Record<ContestantName, number | null>;
  /** Contestants that threw on this input, with the message. */
  errors: Partial<Record<ContestantName, string>>;
}

export type PathologicalResult =
  | { available: true; n: number; samples: number; limitMs: number; rows: PathologicalRow[]; notRun: string[] }
  | { available: false; note: string };

/** CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat (clock ticks of 10 ms); NaN once it is gone. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

interface RunnerReply {
  bytes: number;
  cpuMs: number[];
  error?: string;
}

/** One contestant's child process, answering "run input i, k times" over stdin/stdout. */
class Runner {
  private child: ChildProcessWithoutNullStreams | undefined;
  private buffer = '';
  private waiting: ((line: string) => void) | undefined;

  constructor(
    private readonly root: string,
    private readonly contestant: ContestantName,
    private readonly n: number,
  ) {}

  private start(): ChildProcessWithoutNullStreams {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(this.root, 'bench/pathological-runner.ts'), this.contestant, String(this.n)], { cwd: this.root, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      // A killed child's last words are not an answer to the next child's question.
      if (this.child !== child) return;
      this.buffer += chunk;
      let newline: number;
      while ((newline = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, newline);
        this.buffer = this.buffer.slice(newline + 1);
        const waiting = this.waiting;
        this.waiting = undefined;
        waiting?.(line);
      }
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
    child.on('exit', () => {
      if (this.child !== child) return;
      this.child = undefined;
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.(JSON.stringify({ bytes: 0, cpuMs: [], error: `runner exited: ${stderr.trim().split('\n').slice(-3).join(' ')}` }));
    });
    this.child = child;
    this.buffer = '';
    return child;
  }

  /** The names and sizes of the inputs, in order (asked of a child, which loads the module). */
  async names(timeoutMs: number): Promise<{ name: string; bytes: number }[]> {
    const line = await this.ask('names', timeoutMs);
    const parsed = line === undefined ? [] : (JSON.parse(line) as unknown);
    return Array.isArray(parsed) ? (parsed as { name: string; bytes: number }[]) : [];
  }

  /** Runs input `index` `samples` times; undefined past the time limit. */
  async run(index: number, samples: number, timeoutMs: number): Promise<RunnerReply | undefined> {
    const line = await this.ask(`run ${index} ${samples}`, timeoutMs);
    return line === undefined ? undefined : (JSON.parse(line) as RunnerReply);
  }

  private async ask(command: string, timeoutMs: number): Promise<string | undefined> {
    if (!this.child) {
      // A new child loads tsx, the engine and the inputs first: that is not part of any run's time.
      const fresh = this.start();
      const ready = await this.send(fresh, 'ready', 60_000);
      if (ready !== 'true' || this.child !== fresh) return ready;
    }
    const child = this.child;
    return child ? this.send(child, command, timeoutMs) : undefined;
  }

  /**
   * Sends a command and waits for its line. Past `cpuLimitMs` of the child's CPU time (read from
   * /proc, so a loaded machine does not cut a run short), or 10 times that in wall time, the child
   * is killed and the answer is undefined.
   */
  private send(child: ChildProcessWithoutNullStreams, command: string, cpuLimitMs: number): Promise<string | undefined> {
    return new Promise((resolve) => {
      const cpuAtStart = processCpuMs(child.pid!);
      const wallAtStart = performance.now();
      const timer = setInterval(() => {
        const cpu = processCpuMs(child.pid!) - cpuAtStart;
        if (cpu <= cpuLimitMs && performance.now() - wallAtStart <= 10 * cpuLimitMs) return;
        clearInterval(timer);
        this.waiting = undefined;
        this.child = undefined;
        child.kill('SIGKILL');
        resolve(undefined);
      }, 50);
      this.waiting = (line) => {
        clearInterval(timer);
        resolve(line);
      };
      child.stdin.write(command + '\n');
    });
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }
}

export async function runPathological(root: string, options: { quick: boolean; budgetMs: number; limitMs: number; n: number }): Promise<PathologicalResult> {
  if (!existsSync(join(root, PATHOLOGICAL_MODULE))) return { available: false, note: `${PATHOLOGICAL_MODULE} does not exist yet` };
  const runners = Object.fromEntries(CONTESTANTS.map((c) => [c, new Runner(root, c, options.n)])) as Record<ContestantName, Runner>;
  const started = performance.now();
  try {
    let names: { name: string; bytes: number }[];
    try {
      names = await runners.ours.names(120_000);
    } catch (error) {
      return { available: false, note: `${PATHOLOGICAL_MODULE} could not be loaded: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (names.length === 0) return { available: false, note: `${PATHOLOGICAL_MODULE} exports no inputs this bench can read (or could not be loaded)` };
    const samples = options.quick ? 1 : 3;
    const rows: PathologicalRow[] = [];
    const notRun: string[] = [];
    for (let i = 0; i < names.length; i++) {
      if (performance.now() - started > options.budgetMs) {
        notRun.push(names[i].name);
        continue;
      }
      const row: PathologicalRow = { name: names[i].name, bytes: names[i].bytes, ms: { remark: null, markdownlint: null, ours: null }, errors: {} };
      // Rotate who goes first, so no contestant always runs right after the same one.
      for (let k = 0; k < CONTESTANTS.length; k++) {
        const contestant = CONTESTANTS[(i + k) % CONTESTANTS.length];
        // One run first: a slow one (over 100 ms) is the figure; a fast one gets more runs and their median.
        const probe = await runners[contestant].run(i, 1, options.limitMs);
        if (probe?.error) row.errors[contestant] = probe.error;
        if (!probe || probe.error || !probe.cpuMs.length) continue;
        row.ms[contestant] = probe.cpuMs[0];
        if (samples > 1 && probe.cpuMs[0] < 100) {
          const more = await runners[contestant].run(i, samples - 1, options.limitMs * samples);
          if (more && !more.error) row.ms[contestant] = median([...probe.cpuMs, ...more.cpuMs]);
        }
      }
      rows.push(row);
    }
    return { available: true, n: options.n, samples, limitMs: options.limitMs, rows, notRun };
  } finally {
    for (const runner of Object.values(runners)) runner.stop();
  }
}
