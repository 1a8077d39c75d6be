// Checks the files on a pool of worker threads (--jobs), each under the --timeout-ms budget, and
// returns their results in the order of the files, whichever finished first.
import { availableParallelism } from 'node:os';
import type { Analysis, AnalyzeOptions, Problem } from '../core/index.js';
import { INTERNAL_ERROR, reportProblems } from '../core/index.js';
import { timeoutProblem, type AnalysisOutcome, type CheckFileResult } from '../node/analysis-jobs.js';
import { WorkerPool } from '../node/worker-pool.js';

export interface FileToCheck {
  /** As reported (`<stdin>` for standard input). */
  name: string;
  text: string;
  options: AnalyzeOptions;
  /** Apply --fix (never to standard input). */
  fix: boolean;
}

export interface CheckedFile {
  name: string;
  /** The text reported on: the fixed text when --fix changed it. */
  text: string;
  fixed: boolean;
  report: Pick<CheckFileResult, 'problems' | 'postmortem'>;
  /** For the html format. */
  analysis?: Analysis;
}

export interface CheckOptions {
  jobs?: number;
  timeoutMs: number;
  wantAnalysis: boolean;
  /** The worker bundle; by default dist/analysis-worker.cjs beside the CLI bundle. */
  workerFile?: string | URL;
}

export async function checkFiles(files: FileToCheck[], options: CheckOptions): Promise<CheckedFile[]> {
  if (files.length === 0) return [];
  const size = Math.max(1, Math.min(options.jobs ?? availableParallelism(), files.length));
  const pool = new WorkerPool({ file: options.workerFile ?? new URL('./analysis-worker.cjs', import.meta.url), size });
  try {
    return await Promise.all(files.map(async (file) => {
      // Its own key per file: no file supersedes another.
      const outcome = await pool.run({ kind: 'checkFile', uri: file.name, text: file.text, options: file.options, timeoutMs: options.timeoutMs, fix: file.fix, wantAnalysis: options.wantAnalysis });
      return checked(file, outcome, options);
    }));
  } finally {
    pool.dispose();
  }
}

function checked(file: FileToCheck, outcome: AnalysisOutcome<CheckFileResult>, options: CheckOptions): CheckedFile {
  if (outcome.status === 'done') {
    const { text, fixed, problems, postmortem, analysis } = outcome.value;
    return { name: file.name, text, fixed, report: { problems, postmortem }, analysis };
  }
  // Nothing of an abandoned check is used, its --fix included: the file stays as it was.
  const problem: Problem = outcome.status === 'timeout'
    ? timeoutProblem(outcome.ms, '--timeout-ms')
    : { rule: INTERNAL_ERROR, severity: 'warning', message: `This file could not be analysed (${outcome.status === 'failed' ? outcome.message : outcome.status}), so it was not checked.`, range: { start: 0, end: 0 }, fixes: [] };
  const analysis: Analysis | undefined = options.wantAnalysis && file.options.template ? { postmortem: null, problems: [problem], template: file.options.template } : undefined;
  return { name: file.name, text: file.text, fixed: false, report: { problems: reportProblems(file.text, [problem]), postmortem: null }, analysis };
}
