import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MISSING_SECTIONS_REQUEST, SERVER_COMMANDS, type MissingSection, type UriParams } from '../../../server/src/lsp/protocol.js';
import { activeMarkdownEditor, executeServerCommand, serverUri } from '../server-calls.js';

/**
 * Postmortem: Insert Section… — picks one of the sections the server says are missing.
 * An optional title argument skips the pick (keybindings, tests).
 */
export function registerInsertSection(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('postmortem.insertSection', async (sectionTitle?: string) => {
    const document = activeMarkdownEditor()?.document;
    if (!document) return;
    const uri = serverUri(client, document);
    let title = typeof sectionTitle === 'string' ? sectionTitle : undefined;
    if (title === undefined) {
      const missing = await client.sendRequest<MissingSection[]>(MISSING_SECTIONS_REQUEST, { uri } satisfies UriParams);
      if (missing.length === 0) {
        void vscode.window.showInformationMessage('This postmortem has every section its template asks for.');
        return;
      }
      const picked = await vscode.window.showQuickPick(
        missing.map((section) => ({ label: section.title, description: '#'.repeat(section.level) })),
        { title: 'Insert Section', placeHolder: 'Missing sections, in template order' },
      );
      if (!picked) return;
      title = picked.label;
    }
    await executeServerCommand(client, SERVER_COMMANDS.insertSection, [uri, document.version, title]);
  });
}
