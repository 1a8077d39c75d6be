// The project's own CLI (bin/postmortem-lint.cjs) as the oracle: what the editor shows must match
// what the engine says about the same text on disk.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface CliProblem {
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  fixable: boolean;
}

export interface LintOptions {
  /** Where the CLI runs: it reads the nearest .postmortemrc.json from there. */
  cwd: string;
  /** A built-in template name or path, overriding the config. */
  template?: string;
  /** Apply the safe fixes in place (`--fix`) instead of reporting. */
  fix?: boolean;
}

export function cliPath(root: string): string {
  return join(root, 'bin', 'postmortem-lint.cjs');
}

/** Problems the CLI reports for one file. */
export function lintFile(root: string, file: string, options: LintOptions): CliProblem[] {
  const args = [cliPath(root), '--format', 'json', ...(options.template ? ['--template', options.template] : []), file];
  const result = spawnSync(process.execPath, args, { cwd: options.cwd, encoding: 'utf8' });
  // Exit 1 only means "there are errors"; 2 is a usage or config error.
  if (result.status !== 0 && result.status !== 1) throw new Error(`postmortem-lint failed (${result.status}): ${result.stderr}`);
  const reports = JSON.parse(result.stdout) as { problems: CliProblem[] }[];
  return reports.flatMap((report) => report.problems);
}

/** Applies the CLI's safe fixes to `file` in place. */
export function fixFile(root: string, file: string, options: LintOptions): void {
  const args = [cliPath(root), '--fix', ...(options.template ? ['--template', options.template] : []), file];
  const result = spawnSync(process.execPath, args, { cwd: options.cwd, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`postmortem-lint --fix failed (${result.status}): ${result.stderr}`);
}

/** A stable, comparable form of a problem list: "rule@line", sorted. */
export function signature(problems: readonly { rule: string; line: number }[]): string[] {
  return problems.map((problem) => `${problem.rule}@${problem.line}`).sort();
}
