import * as vscode from 'vscode';

/** Postmortem: Show Output — the server's log and, with postmortem.trace.server, the LSP trace. */
export function registerShowOutput(outputChannel: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand('postmortem.showOutput', () => outputChannel.show(true));
}
