import * as vscode from 'vscode';
import { State } from 'vscode-languageclient';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Postmortem: Restart Server */
export function registerRestartServer(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('postmortem.restartServer', async () => {
    // stop() then start(), not restart(): the web client (vscode-languageclient/browser) has none.
    if (client.isRunning()) {
      await client.stop();
      await client.start();
    }
    // stop() throws for a server that never came up or gave up after crashing: exactly when
    // someone reaches for this command. Those can only be started.
    else if (client.state !== State.Starting) await client.start();
  });
}
