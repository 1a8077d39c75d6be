import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SERVER_COMMANDS } from '../protocol.js';
import { activeMarkdownEditor, executeServerCommand, serverUri } from '../server-calls.js';

/** Postmortem: Fix All Problems — the server applies every safe fix for the version we saw. */
export function registerFixAll(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('postmortem.fixAll', async () => {
    const document = activeMarkdownEditor()?.document;
    if (!document) return;
    await executeServerCommand(client, SERVER_COMMANDS.fixAll, [serverUri(client, document), document.version]);
  });
}
