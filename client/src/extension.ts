// Extension entry: starts the language server and wires the commands and views to it.
// Everything about postmortems is answered by the server; this side only asks and shows.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './client.js';
import { registerFixAll } from './commands/fix-all.js';
import { registerInsertSection } from './commands/insert-section.js';
import { registerLintWorkspace } from './commands/lint-workspace.js';
import { registerNewPostmortem } from './commands/new-postmortem.js';
import { registerRestartServer } from './commands/restart-server.js';
import { registerRevealSelection } from './commands/reveal-selection.js';
import { registerShowOutput } from './commands/show-output.js';
import { DID_CHANGE_TRUST_NOTIFICATION, type DidChangeTrustParams } from '../../server/src/lsp/protocol.js';
import { createStatusBar } from './status-bar.js';
import { registerPreview } from './preview/index.js';
import { registerViews, type PostmortemViews } from './views/views.js';

/** What `activate` returns: tests wait on `client.state` instead of sleeping. */
export interface PostmortemExtensionApi {
  readonly client: LanguageClient;
  /** The Postmortems and Action Items views (tests read their trees). */
  readonly views: PostmortemViews;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): PostmortemExtensionApi {
  const outputChannel = vscode.window.createOutputChannel('Postmortem', { log: true });
  const languageClient = createLanguageClient(context, outputChannel);
  client = languageClient;
  const views = registerViews(languageClient);

  context.subscriptions.push(
    outputChannel,
    registerNewPostmortem(languageClient),
    registerInsertSection(languageClient),
    registerFixAll(languageClient),
    registerLintWorkspace(languageClient),
    registerRestartServer(languageClient),
    registerRevealSelection(languageClient),
    registerShowOutput(outputChannel),
    createStatusBar(languageClient),
    registerPreview(context, languageClient),
    views,
    // Trust can be granted while running, never revoked (that reloads the window). A stopped
    // client rejects the notification; its next start reads isTrusted in initializationOptions.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      languageClient
        .sendNotification(DID_CHANGE_TRUST_NOTIFICATION, { trusted: true } satisfies DidChangeTrustParams)
        .catch(() => undefined);
    }),
  );

  // Not awaited: activation stays quick, and a server that fails to start still leaves
  // Show Output and Restart Server working. Callers wait on the client's state.
  languageClient.start().then(() => views.refresh().catch(() => undefined)).catch((error: unknown) => {
    outputChannel.appendLine(`The postmortem language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  });
  return { client: languageClient, views };
}

export async function deactivate(): Promise<void> {
  // stop() throws for a client that is not running (a server that failed to start).
  if (client?.isRunning()) await client.stop();
  client = undefined;
}
