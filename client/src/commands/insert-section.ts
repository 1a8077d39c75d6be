import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MISSING_SECTIONS_REQUEST, SERVER_COMMANDS, type InsertSectionResult, type MissingSection, type UriParams } from '../../../server/src/lsp/protocol.js';
import { revealSelection } from './reveal-selection.js';
import { sectionPickItem } from '../labels.js';
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
      const picked = await vscode.window.showQuickPick(missing.map(sectionPickItem), { title: 'Insert Section', placeHolder: 'Missing sections, in template order' });
      if (!picked) return;
      title = picked.title;
    }
    const result = await executeServerCommand<InsertSectionResult>(client, SERVER_COMMANDS.insertSection, [uri, document.version, title]);
    // The new section is where the author writes next: go there.
    if (result?.applied && result.selection) await revealSelection(client, document.uri, result.selection);
    return result;
  });
}
