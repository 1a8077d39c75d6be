import { statSync } from 'node:fs';
import { glob, isDynamicPattern } from 'tinyglobby';

export const STDIN = '-';

/** Expands files, folders (every .md inside) and globs into a sorted, de-duplicated list. */
export async function expandInputs(inputs: string[], cwd: string): Promise<{ files: string[]; missing: string[] }> {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const input of inputs) {
    if (input === STDIN) {
      files.add(STDIN);
      continue;
    }
    const stat = statOrUndefined(input);
    if (stat?.isFile()) files.add(input);
    else if (stat?.isDirectory()) {
      for (const file of await glob('**/*.md', { cwd: input, ignore: ['**/node_modules/**', '**/.git/**'] })) files.add(joinPath(input, file));
    } else if (isDynamicPattern(input)) {
      const matched = await glob(input, { cwd, ignore: ['**/node_modules/**', '**/.git/**'] });
      matched.forEach((file) => files.add(file));
      if (matched.length === 0) missing.push(input);
    } else {
      missing.push(input);
    }
  }
  return { files: [...files].sort(), missing };
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function joinPath(dir: string, file: string): string {
  return dir.endsWith('/') ? dir + file : `${dir}/${file}`;
}
