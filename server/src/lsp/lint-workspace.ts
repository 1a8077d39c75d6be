// "Lint workspace": every postmortem in the workspace folders gets diagnostics, open or not,
// so they all show in the Problems panel.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection } from 'vscode-languageserver';
import type { PostmortemService } from './service.js';
import type { PostmortemSettings } from './protocol.js';
import { uriToPath } from './workspace.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Returns how many postmortem files were checked. */
export async function lintWorkspace(connection: Connection, service: PostmortemService): Promise<number> {
  let count = 0;
  for (const folder of service.workspace.folders) {
    const settings = await service.settings.get(folder.uri);
    const files = await glob(['**/*.md', '**/*.markdown'], { cwd: folder.path, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'], followSymbolicLinks: false });
    for (const file of files.sort()) {
      const uri = pathToFileURL(file).href;
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
  const text = existsSync(file) ? readText(connection, file, settings.maxFileSizeKB) : undefined;
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
function readText(connection: Connection, file: string, maxFileSizeKB: number): string | undefined {
  try {
    // UTF-8 takes at most 3 bytes per UTF-16 unit, so a bigger file is over the cap for sure: do not read it at all.
    if (statSync(file).size > maxFileSizeKB * 1024 * 3) {
      connection.console.info(`Lint workspace: skipped ${file}, it is larger than postmortem.maxFileSizeKB (${maxFileSizeKB} KB).`);
      return undefined;
    }
    const buffer = readFileSync(file);
    if (buffer.subarray(0, 8000).includes(0)) return undefined;
    return buffer.toString('utf8');
  } catch (error) {
    connection.console.warn(`Lint workspace: could not read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
