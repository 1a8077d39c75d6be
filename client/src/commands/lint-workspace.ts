import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SERVER_COMMANDS } from '../../../server/src/lsp/protocol.js';
import { executeServerCommand } from '../server-calls.js';
import { FOCUS_PROBLEMS } from '../status-text.js';

/** Postmortem: Lint Workspace — the server publishes diagnostics for every postmortem file. */
export function registerLintWorkspace(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('postmortem.lintWorkspace', async () => {
    const count = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Postmortem: checking postmortems in the workspace…' },
      () => executeServerCommand<number>(client, SERVER_COMMANDS.lintWorkspace, []),
    );
    await vscode.commands.executeCommand(FOCUS_PROBLEMS);
    vscode.window.setStatusBarMessage(`Postmortem: checked ${count} ${count === 1 ? 'file' : 'files'}`, 5000);
    // Returned for callers such as tests; the palette ignores it.
    return count;
  });
}
