// "Lint workspace": every postmortem in the workspace folders gets diagnostics, open or not,
// so they all show in the Problems panel.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection } from 'vscode-languageserver';
import type { PostmortemService } from './service.js';
import type { PostmortemSettings } from './protocol.js';
import { pathToUri, uriToPath } from './workspace.js';

// setTimeout rather than setImmediate: the web server runs in a worker, which has no setImmediate.
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Returns how many postmortem files were checked. */
export async function lintWorkspace(connection: Connection, service: PostmortemService): Promise<number> {
  let count = 0;
  for (const folder of service.workspace.folders) {
    const settings = await service.settings.get(folder.uri);
    const files = await service.files.listMarkdownFiles(folder.path, folder.uri);
    for (const file of files.sort()) {
      const uri = pathToUri(file);
      const open = service.documents.get(uri);
      if (open) {
        // Open files are checked as they are typed; count them, leave their diagnostics alone
        // (once closed, they are checked from disk like the others).
        if ((await service.stateOf(uri, open.getText(), open.languageId)).isPostmortem) {
          count++;
          service.publisher.markFromDisk(uri);
        }
        continue;
      }
      if (await checkFromDisk(connection, service, uri, file, settings)) count++;
      await nextTurn();
    }
  }
  return count;
}

/**
 * Re-checks the closed files Lint Workspace reported on: after a config, template, settings or
 * trust change, and when one of them is closed (its diagnostics then come from the file on disk
 * again, rather than vanishing while the others stay).
 */
export async function recheckFromDisk(connection: Connection, service: PostmortemService, uris: string[]): Promise<void> {
  for (const uri of uris) {
    if (service.documents.get(uri)) continue;
    const file = uriToPath(uri);
    if (file === undefined) continue;
    await checkFromDisk(connection, service, uri, file, await service.settings.get(uri));
    await nextTurn();
  }
}

/** Publishes the problems of a closed file, or clears them when it is gone or no longer a postmortem. Returns whether it is one. */
async function checkFromDisk(connection: Connection, service: PostmortemService, uri: string, file: string, settings: PostmortemSettings): Promise<boolean> {
  const text = await readText(connection, service, file, settings.maxFileSizeKB);
  const state = text === undefined ? undefined : await service.stateOf(uri, text, 'markdown', settings);
  if (text === undefined || !state?.isPostmortem) {
    service.publisher.clear(uri);
    return false;
  }
  const entry = await service.analyze(TextDocument.create(uri, 'markdown', 0, text), state);
  if (entry) service.publisher.publish(entry, false);
  return true;
}

/** The file's text, or undefined for unreadable, binary or absurdly large files. */
async function readText(connection: Connection, service: PostmortemService, file: string, maxFileSizeKB: number): Promise<string | undefined> {
  // UTF-8 takes at most 3 bytes per UTF-16 unit, so a bigger file is over the cap for sure: do not read it at all.
  const read = await service.files.readFile(file, maxFileSizeKB * 1024 * 3).catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
  if (read === undefined) return undefined;
  if ('tooLarge' in read) {
    connection.console.info(`Lint workspace: skipped ${file}, it is larger than postmortem.maxFileSizeKB (${maxFileSizeKB} KB).`);
    return undefined;
  }
  if ('error' in read) {
    connection.console.warn(`Lint workspace: could not read ${file}: ${read.error}`);
    return undefined;
  }
  // A NUL near the start: a binary file with a .md name.
  return read.text.slice(0, 8000).includes('\0') ? undefined : read.text;
}
