// The desktop language server's files: read from disk with the same functions the CLI uses.
import { readFileSync, statSync } from 'node:fs';
import { glob } from 'tinyglobby';
import type { FileHost } from '../lsp/file-host.js';
import { fileTemplateHost, findConfigFile, readConfigText } from './config-files.js';

export const nodeFileHost: FileHost = {
  findConfigFile: async (startDir, stopDir) => findConfigFile(startDir, stopDir),
  readConfigText: async (path) => readConfigText(path),
  readTemplate: async (path, origin, configDir, rootDir) => fileTemplateHost(configDir, rootDir).readTemplate!(path, origin) ?? undefined,
  listMarkdownFiles: (folderPath) =>
    glob(['**/*.md', '**/*.markdown'], { cwd: folderPath, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false }),
  async readFile(path, maxBytes) {
    try {
      if (statSync(path).size > maxBytes) return { tooLarge: true };
      return { text: readFileSync(path, 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return { error: error instanceof Error ? error.message : String(error) };
    }
  },
};
