import type { Severity } from '../core/index.js';
import type { FileResult } from './file-result.js';

/**
 * JUnit XML as Jenkins, GitLab and Azure read it: one testcase per file, failed when the file has an
 * error or a warning (all its problems in the failure's body); info notes go to system-out.
 */
export function formatJunit(results: FileResult[]): string {
  const failing = (result: FileResult) => result.problems.some((p) => p.severity !== 'info');
  const failures = results.filter(failing).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="postmortem-lint" tests="${results.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="postmortem-lint" tests="${results.length}" failures="${failures}" errors="0" skipped="0">`,
  ];
  for (const result of results) {
    const problemLine = (p: FileResult['problems'][number]) => `${result.file}:${p.line}:${p.column} ${p.severity} ${p.message} (${p.rule})`;
    const counted = result.problems.filter((p) => p.severity !== 'info');
    const notes = result.problems.filter((p) => p.severity === 'info');
    const open = `    <testcase classname="postmortem-lint" name="${xml(result.file)}"`;
    if (counted.length === 0 && notes.length === 0) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`);
    if (counted.length > 0) {
      const worst: Severity = counted.some((p) => p.severity === 'error') ? 'error' : 'warning';
      const message = `${counted.length} problem(s); first: ${counted[0].message}`;
      lines.push(`      <failure type="${worst}" message="${xml(message)}">${xml(counted.map(problemLine).join('\n'))}</failure>`);
    }
    if (notes.length > 0) lines.push(`      <system-out>${xml(notes.map(problemLine).join('\n'))}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return lines.join('\n') + '\n';
}

/** Escapes text and attribute values, and drops characters XML 1.0 cannot hold at all. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
