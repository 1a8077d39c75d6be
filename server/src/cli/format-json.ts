import type { FileResult } from './file-result.js';

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(results.map(({ file, problems, postmortem, template }) => ({ file, template, problems, postmortem })), null, 2) + '\n';
}
