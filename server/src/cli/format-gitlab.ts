import { createHash } from 'node:crypto';
import type { Severity } from '../core/index.js';
import type { FileResult } from './file-result.js';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * GitLab Code Quality JSON (the fields GitLab reads). The fingerprint leaves the line out, so a
 * problem keeps its identity when lines above it move; the same rule and message twice in a file
 * are told apart by their order.
 */
export function formatGitlab(results: FileResult[]): string {
  const issues = results.flatMap((result) => {
    const path = result.file.replace(/\\/g, '/').replace(/^\.\//, '');
    const seen = new Map<string, number>();
    return result.problems.map((problem) => {
      const key = `${path}\0${problem.rule}\0${problem.message}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return {
        type: 'issue',
        description: problem.message,
        check_name: problem.rule,
        fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32),
        severity: SEVERITY[problem.severity],
        location: { path, lines: { begin: problem.line, end: problem.endLine } },
      };
    });
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
