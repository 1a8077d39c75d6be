// On the web, documents live under any scheme (vscode-vfs:, vscode-test-web:, vscode-remote:, file:).
// The server's config lookup and globs work on paths, so each URI gets one that keeps its scheme
// and authority as the first segment: vscode-vfs://github/o/r/a.md <-> /vscode-vfs:github/o/r/a.md.
// Files of different roots never share a folder, and the mapping needs no state.
import { URI } from 'vscode-uri';
import type { UriMapping } from '../lsp/workspace.js';

/** Schemes that are documents without a file behind them. */
const NOT_FILES = new Set(['untitled', 'git', 'output', 'vscode-notebook-cell', 'vscode-userdata']);

export const WEB_URIS: UriMapping = {
  toPath(text) {
    let uri: URI;
    try {
      uri = URI.parse(text, true);
    } catch {
      return undefined;
    }
    if (NOT_FILES.has(uri.scheme) || !uri.path.startsWith('/')) return undefined;
    return `/${uri.scheme}:${encodeURIComponent(uri.authority)}${uri.path === '/' ? '' : uri.path.replace(/\/$/, '')}`;
  },
  toUri(path) {
    const [, root = '', rest = ''] = /^\/([^/]*)(.*)$/.exec(path) ?? [];
    const colon = root.indexOf(':');
    return URI.from({ scheme: root.slice(0, colon), authority: decodeURIComponent(root.slice(colon + 1)), path: rest || '/' }).toString();
  },
};
