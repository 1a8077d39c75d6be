import type { FileResult } from './file-result.js';

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(results.map(({ file, problems, postmortem }) => ({ file, problems, postmortem })), null, 2) + '\n';
}
