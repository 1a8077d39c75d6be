// What an author does by picking "Add section" on every missing-section problem, pass after
// pass (Fix All no longer inserts sections): for tests of where insertions land.
import { analyze, applyFixes, type AnalyzeOptions } from '../../server/src/core/index.js';

export function addMissingSections(text: string, options: AnalyzeOptions = {}): string {
  for (let pass = 0; pass < 100; pass++) {
    const inserts = analyze(text, options).problems.flatMap((p) => (p.rule === 'missing-section' ? p.fixes.filter((f) => f.title.startsWith('Add section')) : []));
    const result = applyFixes(text, inserts);
    if (result.applied.length === 0 || result.text === text) return text;
    text = result.text;
  }
  throw new Error('addMissingSections did not settle');
}
