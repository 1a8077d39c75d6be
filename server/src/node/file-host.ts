// The desktop language server's files: read from disk with the same functions the CLI uses.
// It is lsp/file-host.ts's FileHost (server.ts hands it to the service, which checks the shape);
// node/ does not import the language server's modules.
import { readFileSync, statSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { fileTemplateHost, findConfigFile, readConfigText } from './config-files.js';

export const nodeFileHost = {
  findConfigFile: async (startDir: string, stopDir: string) => findConfigFile(startDir, stopDir),
  readConfigText: async (path: string) => readConfigText(path),
  readTemplate: async (path: string, origin: 'file' | 'settings', configDir: string, rootDir: string) =>
    fileTemplateHost(configDir, rootDir).readTemplate!(path, origin) ?? undefined,
  listMarkdownFiles: (folderPath: string) =>
    glob(['**/*.md', '**/*.markdown'], { cwd: folderPath, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false }),
  async readFile(path: string, maxBytes: number): Promise<{ text: string } | { tooLarge: true } | { error: string } | undefined> {
    try {
      if (statSync(path).size > maxBytes) return { tooLarge: true };
      return { text: readFileSync(path, 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return { error: error instanceof Error ? error.message : String(error) };
    }
  },
};
