// What the server knows about the workspace: its folders, Workspace Trust and what the client can do.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative, isAbsolute, sep } from 'node:path';
import type { ClientCapabilities, InitializeParams, WorkspaceFolder } from 'vscode-languageserver';

export interface Folder {
  uri: string;
  path: string;
}

export class WorkspaceState {
  folders: Folder[] = [];
  /** VS Code's Workspace Trust; clients without it are trusted. */
  trusted = true;
  capabilities: ClientCapabilities = {};

  initialize(params: InitializeParams): void {
    this.capabilities = typeof params.capabilities === 'object' && params.capabilities !== null ? params.capabilities : {};
    const options = params.initializationOptions as { workspaceTrusted?: unknown } | undefined;
    if (typeof options?.workspaceTrusted === 'boolean') this.trusted = options.workspaceTrusted;
    const folders = Array.isArray(params.workspaceFolders) ? params.workspaceFolders : typeof params.rootUri === 'string' ? [{ uri: params.rootUri, name: '' }] : [];
    this.setFolders(folders);
  }

  /** Folders without a string `uri` (a client's mistake) are left out. */
  setFolders(folders: readonly unknown[]): void {
    this.folders = folders.flatMap((folder) => {
      const uri = (folder as Partial<WorkspaceFolder> | null)?.uri;
      const path = typeof uri === 'string' ? uriToPath(uri) : undefined;
      return path && typeof uri === 'string' ? [{ uri, path }] : [];
    });
  }

  /** The innermost workspace folder holding a file path. */
  folderOf(path: string): Folder | undefined {
    let best: Folder | undefined;
    for (const folder of this.folders) {
      const rel = relative(folder.path, path);
      if (rel.startsWith('..') || isAbsolute(rel)) continue;
      if (!best || folder.path.length > best.path.length) best = folder;
    }
    return best;
  }

  /** Path relative to the file's workspace folder with forward slashes, for glob matching. */
  relativePath(path: string): string {
    const folder = this.folderOf(path);
    const rel = folder ? relative(folder.path, path) : path.replace(/^[\\/]+/, '');
    return rel.split(sep).join('/');
  }

  get supportsConfiguration(): boolean {
    return this.capabilities.workspace?.configuration === true;
  }

  get supportsDocumentChanges(): boolean {
    return this.capabilities.workspace?.workspaceEdit?.documentChanges === true;
  }
}

/** How document URIs map to the paths config lookup, globs and file access work on. */
export interface UriMapping {
  toPath(uri: string): string | undefined;
  toUri(path: string): string;
}

/** On desktop: file: URIs are files on disk; untitled:, git: and other schemes have no path. */
export const FILE_URIS: UriMapping = {
  toPath(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  toUri: (path) => pathToFileURL(path).href,
};

let mapping = FILE_URIS;

/** The web server maps every scheme it reads through the client (browser/uri-paths.ts). */
export function useUriMapping(next: UriMapping): void {
  mapping = next;
}

/** The path of a document URI; undefined for documents that are not files (untitled:, git:, …). */
export function uriToPath(uri: string): string | undefined {
  return mapping.toPath(uri);
}

/** The URI of a path uriToPath gave (config files, files Lint Workspace found). */
export function pathToUri(path: string): string {
  return mapping.toUri(path);
}
