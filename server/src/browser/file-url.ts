// node:url's two file-URL helpers for the web bundle (scripts/build.mjs maps node:url here).
// lsp/workspace.ts's desktop mapping uses them; the web server replaces that mapping at start.
import { URI } from 'vscode-uri';

export function fileURLToPath(url: string | URL): string {
  return URI.parse(String(url)).fsPath;
}

export function pathToFileURL(path: string): { href: string } {
  return { href: URI.file(path).toString() };
}
