// Builds the LanguageClient for the bundled server (dist/server.cjs). On the web, scripts/build.mjs
// puts browser/client.ts in its place.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { postmortemClientOptions } from './client-options.js';

export function createLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.cjs').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  return new LanguageClient('postmortem', 'Postmortem', serverOptions, postmortemClientOptions(context, outputChannel));
}
