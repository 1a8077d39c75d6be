import * as vscode from 'vscode';
import { State } from 'vscode-languageclient';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Postmortem: Restart Server */
export function registerRestartServer(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('postmortem.restartServer', async () => {
    if (client.isRunning()) await client.restart();
    // restart() stops first, which throws for a server that never came up or gave up after
    // crashing: exactly when someone reaches for this command. Those can only be started.
    else if (client.state !== State.Starting) await client.start();
  });
}
