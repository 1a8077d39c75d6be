import { statSync } from 'node:fs';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';

export const STDIN = '-';

/**
 * Expands files, folders (every .md inside) and globs into a sorted, de-duplicated list. Files a
 * folder or glob finds are left out when an `exclude` glob matches them (relative to the folder,
 * or to `cwd` for a glob); a file named on its own is always kept.
 */
export async function expandInputs(inputs: string[], cwd: string, exclude: readonly string[] = []): Promise<{ files: string[]; missing: string[] }> {
  const excluded = exclude.length ? picomatch([...exclude], { nocase: true, dot: true }) : () => false;
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
      for (const file of await glob('**/*.md', { cwd: input, ignore: ['**/node_modules/**', '**/.git/**'] })) if (!excluded(file)) files.add(joinPath(input, file));
    } else if (isDynamicPattern(input)) {
      const matched = await glob(input, { cwd, ignore: ['**/node_modules/**', '**/.git/**'] });
      matched.filter((file) => !excluded(file)).forEach((file) => files.add(file));
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
