// The web server's files, read through the client's workspace.fs (lsp/fs-protocol.ts). The same
// refusals as on desktop (node/config-files.ts): absolute or outside the workspace folder, over 1 MB.
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../core/config/config-file-name.js';
import { MAX_TEMPLATE_BYTES, type FileHost, type FileText } from '../lsp/file-host.js';
import {
  FS_FIND_FILES_REQUEST,
  FS_READ_FILE_REQUEST,
  FS_STAT_REQUEST,
  type FsFindFilesParams,
  type FsReadFileParams,
  type FsReadFileResult,
  type FsStat,
  type FsUriParams,
} from '../lsp/fs-protocol.js';
import { pathToUri, uriToPath } from '../lsp/workspace.js';

export function clientFileHost(connection: Connection): FileHost {
  // Config lookups run on every analysis; each would be a round trip per folder level. Their
  // answers hold until a watched .json file changes (forget()).
  let configFiles = new Map<string, Promise<string | undefined>>();
  const stat = (path: string) => connection.sendRequest<FsStat | null>(FS_STAT_REQUEST, { uri: pathToUri(path) } satisfies FsUriParams);
  const read = (path: string, maxBytes: number) =>
    connection.sendRequest<FsReadFileResult | null>(FS_READ_FILE_REQUEST, { uri: pathToUri(path), maxBytes } satisfies FsReadFileParams);

  const configIn = (dir: string): Promise<string | undefined> => {
    let found = configFiles.get(dir);
    if (!found) {
      const candidate = join(dir, CONFIG_FILE_NAME);
      found = stat(candidate).then((s) => (s?.type === 'file' ? candidate : undefined), () => undefined);
      configFiles.set(dir, found);
    }
    return found;
  };

  return {
    async findConfigFile(startDir, stopDir) {
      for (let dir = resolve(startDir); ; dir = dirname(dir)) {
        const found = await configIn(dir);
        if (found) return found;
        if (dirname(dir) === dir || relative(resolve(stopDir), dir) === '') return undefined;
      }
    },

    async readConfigText(path) {
      try {
        const result = await read(path, MAX_TEMPLATE_BYTES);
        if (!result) return { error: 'it does not exist' };
        return 'text' in result ? { text: result.text } : { error: 'it is larger than 1 MB' };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },

    async readTemplate(path, origin, configDir, rootDir) {
      if (isAbsolute(path)) throw new Error('it must be a path relative to the workspace');
      const full = resolve(origin === 'file' ? configDir : rootDir, path);
      if (!inside(resolve(rootDir), full)) throw new Error('it is outside the workspace folder');
      const info = await stat(full);
      if (!info || info.type !== 'file') return undefined;
      // Desktop follows a link and checks where it ends; the web cannot see that, so it refuses.
      if (info.symbolicLink) throw new Error('it is a symbolic link, which is not followed on the web');
      if (info.size > MAX_TEMPLATE_BYTES) throw new Error('it is larger than 1 MB');
      const result = await read(full, MAX_TEMPLATE_BYTES);
      if (!result) return undefined;
      if (!('text' in result)) throw new Error('it is larger than 1 MB');
      return result.text;
    },

    async listMarkdownFiles(_folderPath, folderUri) {
      const uris = await connection.sendRequest<string[]>(FS_FIND_FILES_REQUEST, { folderUri } satisfies FsFindFilesParams);
      return uris.flatMap((uri) => uriToPath(uri) ?? []);
    },

    async readFile(path, maxBytes): Promise<FileText | undefined> {
      try {
        return (await read(path, maxBytes)) ?? undefined;
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    },

    forget() {
      configFiles = new Map();
    },
  };
}

function inside(root: string, path: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot !== '' && !fromRoot.startsWith('..') && !isAbsolute(fromRoot);
}
