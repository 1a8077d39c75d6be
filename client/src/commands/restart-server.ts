import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Postmortem: Restart Server */
export function registerRestartServer(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('postmortem.restartServer', () => client.restart());
}
