import type { Severity } from '../core/index.js';
import type { FileResult } from './file-result.js';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: each problem becomes an annotation on its line. */
export function formatGithub(results: FileResult[]): string {
  const lines = results.flatMap((result) =>
    result.problems.map((p) => {
      const properties = [`file=${property(result.file)}`, `line=${p.line}`, `col=${p.column}`, `endLine=${p.endLine}`, `endColumn=${p.endColumn}`, `title=${property(p.rule)}`];
      return `::${COMMAND[p.severity]} ${properties.join(',')}::${data(p.message)}`;
    }),
  );
  return lines.length ? lines.join('\n') + '\n' : '';
}

// The escapes of @actions/core: a message may not break the line; a property may not hold , or :.
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
