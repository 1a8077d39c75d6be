// Builds the LanguageClient for the bundled server (dist/server.cjs).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/lsp/protocol.js';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.cjs').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // .postmortemrc.json and template files (any name a setting points at) change which template applies.
  const jsonWatcher = vscode.workspace.createFileSystemWatcher('**/*.json');
  context.subscriptions.push(jsonWatcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    // A function, so a restart after trust was granted sends the current state.
    initializationOptions: (): InitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
    synchronize: { fileEvents: jsonWatcher },
    outputChannel,
    traceOutputChannel: outputChannel,
  };
  return new LanguageClient('postmortem', 'Postmortem', serverOptions, clientOptions);
}
