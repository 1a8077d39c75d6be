// Answers the web server's postmortem/fs/* requests (server/src/lsp/fs-protocol.ts) with
// workspace.fs and workspace.findFiles. Only files inside a workspace folder are given out, and
// none bigger than the server asked for (at most FS_MAX_READ_BYTES).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  FS_FIND_FILES_REQUEST,
  FS_MAX_READ_BYTES,
  FS_READ_FILE_REQUEST,
  FS_STAT_REQUEST,
  type FsFindFilesParams,
  type FsReadFileParams,
  type FsReadFileResult,
  type FsStat,
  type FsUriParams,
} from '../../../server/src/lsp/fs-protocol.js';

const MARKDOWN_FILES = '**/*.{md,markdown}';
const NEVER_SEARCHED = '**/{node_modules,.git}/**';

export function registerFileRequests(client: BaseLanguageClient): vscode.Disposable {
  const inWorkspace = (raw: unknown): vscode.Uri => {
    const text = typeof raw === 'object' && raw !== null ? (raw as { uri?: unknown }).uri : undefined;
    if (typeof text !== 'string') throw new Error('"uri" must be a string');
    const uri = client.protocol2CodeConverter.asUri(text);
    if (!vscode.workspace.getWorkspaceFolder(uri)) throw new Error(`${text} is not inside a workspace folder`);
    return uri;
  };

  const statOf = async (uri: vscode.Uri): Promise<FsStat | null> => {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      const type = stat.type & vscode.FileType.File ? 'file' : stat.type & vscode.FileType.Directory ? 'directory' : 'other';
      return { type, symbolicLink: (stat.type & vscode.FileType.SymbolicLink) !== 0, size: stat.size };
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return null;
      throw error;
    }
  };

  const disposables = [
    client.onRequest(FS_STAT_REQUEST, (params: FsUriParams) => statOf(inWorkspace(params))),

    client.onRequest(FS_READ_FILE_REQUEST, async (params: FsReadFileParams): Promise<FsReadFileResult | null> => {
      const uri = inWorkspace(params);
      const maxBytes = Math.min(typeof params.maxBytes === 'number' ? params.maxBytes : 0, FS_MAX_READ_BYTES);
      const stat = await statOf(uri);
      if (!stat || stat.type !== 'file') return null;
      if (stat.size > maxBytes) return { tooLarge: true };
      const bytes = await vscode.workspace.fs.readFile(uri);
      // The size can change between stat and read.
      if (bytes.byteLength > maxBytes) return { tooLarge: true };
      return { text: new TextDecoder().decode(bytes) };
    }),

    client.onRequest(FS_FIND_FILES_REQUEST, async (params: FsFindFilesParams): Promise<string[]> => {
      const folder = vscode.workspace.getWorkspaceFolder(client.protocol2CodeConverter.asUri(String(params?.folderUri)));
      if (!folder) return [];
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, MARKDOWN_FILES), NEVER_SEARCHED);
      return found.map((uri) => client.code2ProtocolConverter.asUri(uri));
    }),
  ];
  return vscode.Disposable.from(...disposables);
}
