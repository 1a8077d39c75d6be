import type { FileResult } from './file-result.js';

/** `path:line:col  severity  message  rule-name`, one problem per line, then a tally. */
export function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    for (const p of result.problems) {
      lines.push(`${result.file}:${p.line}:${p.column}  ${p.severity}  ${p.message}  ${p.rule}`);
      if (p.severity === 'error') errors++;
      if (p.severity === 'warning') warnings++;
    }
  }
  const total = lines.length;
  lines.push(total === 0 ? `✓ ${results.length} file(s) checked, no problems.` : `✖ ${total} problem(s) (${errors} error(s), ${warnings} warning(s)) in ${results.length} file(s).`);
  return lines.join('\n') + '\n';
}
