// Reading configuration from disk: the one place the engine's inputs touch the file system.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ConfigHost } from '../core/index.js';

export const CONFIG_FILE_NAME = '.postmortemrc.json';
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** The nearest .postmortemrc.json at or above `startDir`, stopping at `stopDir` when given. */
export function findConfigFile(startDir: string, stopDir?: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir || (stopDir && relative(resolve(stopDir), dir) === '')) return undefined;
    dir = parent;
  }
}

/**
 * Reads template files a config names, relative to the config's folder. A path that leaves
 * `rootDir` (the workspace) is refused: a config must not make us read arbitrary files.
 */
export function fileTemplateHost(configDir: string, rootDir: string = configDir): ConfigHost {
  return {
    readTemplate(path: string, origin: 'file' | 'settings' = 'file') {
      if (isAbsolute(path)) return undefined;
      // A path in the config file is relative to it; one from editor settings, to the workspace.
      const full = resolve(origin === 'file' ? configDir : rootDir, path);
      const fromRoot = relative(resolve(rootDir), full);
      if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) return undefined;
      try {
        if (!statSync(full).isFile() || statSync(full).size > MAX_TEMPLATE_BYTES) return undefined;
        return readFileSync(full, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}
