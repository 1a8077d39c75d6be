// Reading configuration from disk: the one place the engine's inputs touch the file system.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { ConfigHost } from '../core/index.js';
import { CONFIG_FILE_NAME } from '../core/config/config-file-name.js';

export { CONFIG_FILE_NAME };
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

export interface ConfigFile {
  /** The config file that applies, when there is one. */
  path?: string;
  /** Its text; undefined when there is no file or it could not be read (then `error` says why). */
  text?: string;
  error?: string;
}

/**
 * The one way the CLI and the language server find and read a config: the file named (`explicit`,
 * relative to `startDir`), else the nearest .postmortemrc.json at or above `startDir`, stopping at
 * `stopDir`. The text then goes to the engine's resolveConfig.
 */
export function readConfigFile(startDir: string, options: { explicit?: string; stopDir?: string } = {}): ConfigFile {
  const path = options.explicit ? resolve(startDir, options.explicit) : findConfigFile(startDir, options.stopDir);
  return path ? readConfigText(path) : {};
}

/** A config file found already (the server looks it up first, for its cache key). */
export function readConfigText(path: string): ConfigFile {
  try {
    return { path, text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { path, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Reads template files a config names, relative to the config's folder. A path that leaves
 * `rootDir` (the workspace), also through a symbolic link, is refused with the reason: a config
 * must not make us read arbitrary files. A missing file gives undefined ("not found").
 */
export function fileTemplateHost(configDir: string, rootDir: string = configDir): ConfigHost {
  return {
    readTemplate(path: string, origin: 'file' | 'settings' = 'file') {
      if (isAbsolute(path)) throw new Error('it must be a path relative to the workspace');
      // A path in the config file is relative to it; one from editor settings, to the workspace.
      const full = resolve(origin === 'file' ? configDir : rootDir, path);
      if (!existsSync(full)) return undefined;
      let real: string;
      let realRoot: string;
      try {
        real = realpathSync(full);
        realRoot = realpathSync(rootDir);
      } catch {
        return undefined;
      }
      if (!inside(realRoot, real)) throw new Error('it is outside the workspace folder');
      const stat = statSync(real);
      if (!stat.isFile()) return undefined;
      if (stat.size > MAX_TEMPLATE_BYTES) throw new Error('it is larger than 1 MB');
      return readFileSync(real, 'utf8');
    },
  };
}

function inside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
}
