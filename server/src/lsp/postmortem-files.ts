// Which Markdown files are postmortems: a `postmortem.files` glob matches the workspace-relative
// path, or the content says so (front matter `type: postmortem`, or the first heading), and no
// `postmortem.exclude` glob matches it.
import picomatch from 'picomatch';
import { looksLikePostmortem } from './engine.js';
import { uriToPath, type WorkspaceState } from './workspace.js';

const matchers = new Map<string, (path: string) => boolean>();

function matcher(globs: string[]): (path: string) => boolean {
  const key = JSON.stringify(globs);
  let match = matchers.get(key);
  if (!match) {
    try {
      match = globs.length ? picomatch(globs, { nocase: true, dot: true }) : () => false;
    } catch {
      match = () => false;
    }
    if (matchers.size > 50) matchers.clear();
    matchers.set(key, match);
  }
  return match;
}

export function matchesFileGlobs(workspace: WorkspaceState, uri: string, globs: string[]): boolean {
  const path = uriToPath(uri);
  return path !== undefined && matcher(globs)(workspace.relativePath(path));
}

export function isMarkdown(uri: string, languageId?: string): boolean {
  return languageId === 'markdown' || /\.(md|markdown)$/i.test(uri);
}

/** `exclude` wins over both the globs and the content: a README that says "Postmortem process" is still a README. */
export function isPostmortemFile(workspace: WorkspaceState, uri: string, text: string, globs: string[], languageId?: string, exclude: string[] = []): boolean {
  if (!isMarkdown(uri, languageId)) return false;
  if (exclude.length && matchesFileGlobs(workspace, uri, exclude)) return false;
  return matchesFileGlobs(workspace, uri, globs) || looksLikePostmortem(text);
}
