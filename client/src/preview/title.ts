// The preview tab's title. No vscode import: unit-tested directly.

/** "Postmortem: x.md" for the document at `path` (a URI path; untitled ones have no slash). */
export function previewTitle(path: string): string {
  return `Postmortem: ${path.slice(path.lastIndexOf('/') + 1) || path}`;
}
