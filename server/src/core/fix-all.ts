// Fix All and `--fix`: only fixes that cannot make the document worse. Rules mark the risky ones
// (Fix.fixAll false); on top of that every pass is checked: when applying a pass's fixes
// together makes any problem appear that was not there before, the pass is redone one fix at a
// time, keeping only the fixes that add nothing.
import type { Fix, Problem } from './types.js';
import { analyze, defaultTemplate, type Analysis, type AnalyzeOptions } from './analyze.js';
import { applyFixes, selectCompatibleFixes } from './fixes/apply.js';
import { indexTemplate } from './template-index.js';
import { isUnattended } from './fixes/unattended.js';

export { isUnattended };

export interface FixAllResult {
  text: string;
  /** How many fixes were applied. */
  fixed: number;
  /** Problems left in the result. */
  left: number;
}


/**
 * The unattended fixes, pass after pass until nothing changes. A fix can enable another (a
 * renamed tag, then nothing; a demoted heading, then its child's level), so several passes; the
 * bound grows with the template.
 */
export function fixAll(text: string, options: AnalyzeOptions = {}, maxPasses?: number): FixAllResult {
  maxPasses ??= passBound(options);
  let current = text;
  let analysis = analyze(current, options);
  let fixed = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const candidates = analysis.problems.flatMap((problem) => problem.fixes.filter(isUnattended));
    if (candidates.length === 0) break;
    const step = applyTogether(current, analysis, candidates, options) ?? applyOneByOne(current, analysis, candidates, options);
    if (!step) break;
    current = step.text;
    analysis = step.analysis;
    fixed += step.applied;
  }
  return { text: current, fixed, left: analysis.problems.length };
}

interface Step {
  text: string;
  analysis: Analysis;
  applied: number;
}

function applyTogether(text: string, before: Analysis, fixes: Fix[], options: AnalyzeOptions): Step | undefined {
  const result = applyFixes(text, fixes);
  if (result.applied.length === 0 || result.text === text) return undefined;
  const analysis = analyze(result.text, options);
  return addsProblems(before.problems, analysis.problems) ? undefined : { text: result.text, analysis, applied: result.applied.length };
}

function applyOneByOne(text: string, before: Analysis, fixes: Fix[], options: AnalyzeOptions): Step | undefined {
  let chosen: Fix[] = [];
  let step: Step | undefined;
  for (const fix of fixes) {
    const trial = [...chosen, fix];
    if (selectCompatibleFixes(trial).length !== trial.length) continue;
    const result = applyFixes(text, trial);
    if (result.text === text) continue;
    const analysis = analyze(result.text, options);
    if (addsProblems(before.problems, analysis.problems)) continue;
    chosen = trial;
    step = { text: result.text, analysis, applied: trial.length };
  }
  return step;
}

/** Whether `after` holds a problem `before` did not (by rule and message: offsets move with edits). */
export function addsProblems(before: readonly Problem[], after: readonly Problem[]): boolean {
  const counts = new Map<string, number>();
  const key = (problem: Problem) => `${problem.rule}\u0000${problem.message}`;
  for (const problem of before) counts.set(key(problem), (counts.get(key(problem)) ?? 0) + 1);
  for (const problem of after) {
    const left = counts.get(key(problem)) ?? 0;
    if (left === 0) return true;
    counts.set(key(problem), left - 1);
  }
  return false;
}

function passBound(options: AnalyzeOptions): number {
  try {
    return indexTemplate(options.template ?? defaultTemplate()).entries.length + 10;
  } catch {
    return 10; // analyze reports what is wrong with the template
  }
}
