import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SERVER_COMMANDS, type FixAllResult } from '../../../server/src/lsp/protocol.js';
import { activeMarkdownEditor, executeServerCommand, serverUri } from '../server-calls.js';
import { fixAllSummary } from '../labels.js';

/** Postmortem: Fix All Problems — the server applies every safe fix for the version we saw. */
export function registerFixAll(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('postmortem.fixAll', async () => {
    const document = activeMarkdownEditor()?.document;
    if (!document) return undefined;
    const result = await executeServerCommand<FixAllResult | null>(client, SERVER_COMMANDS.fixAll, [serverUri(client, document), document.version]);
    if (result && result.fixed === 0) vscode.window.setStatusBarMessage('Postmortem: nothing to fix automatically', 4000);
    else if (result?.applied) vscode.window.setStatusBarMessage(`Postmortem: ${fixAllSummary(result)}`, 6000);
    else if (result && !result.applied) void vscode.window.showWarningMessage('Postmortem: the fixes were not applied; the document may have changed meanwhile. Run Fix All again.');
    // Returned for callers such as tests; the palette ignores it.
    return result ?? undefined;
  });
}
