// What the protocol tests share: their fixtures folder, and the one stdio test client.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT, uriOf, type LspTestClient } from '../support/lsp-client.js';

export { ROOT, LspTestClient, applyWorkspaceEdit, uriOf } from '../support/lsp-client.js';
export const FIXTURES = join(ROOT, 'test/protocol/fixtures');

/**
 * Opens `text` as a postmortem of its own (postmortems/<name>.md in the fixtures folder) and waits
 * for its first diagnostics: a test that edits a document edits its own, so no test depends on
 * what another did before it.
 */
export async function openFresh(server: LspTestClient, name: string, text: string): Promise<{ uri: string; published: PublishDiagnosticsParams }> {
  const uri = uriOf(join(FIXTURES, 'postmortems', `${name}.md`));
  const since = server.mark();
  server.open(uri, text);
  return { uri, published: await server.nextDiagnostics(uri, since) };
}

/** A scratch workspace folder: `write` puts a file in it (folders made as needed) and gives its URI. */
export function scratchWorkspace(prefix: string): { root: string; write(path: string, text: string): string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  return {
    root,
    write(path, text) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
      return uriOf(join(root, path));
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
