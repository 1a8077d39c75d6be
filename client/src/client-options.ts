// What both clients (Node and web) tell the language client: which documents, trust, watched files.
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import type { InitializationOptions } from '../../server/src/lsp/protocol.js';

/**
 * Files on disk and untitled documents, and on the web (or in a virtual workspace) the schemes
 * workspaces live under there: GitHub/Azure Repos (vscode-vfs), @vscode/test-web, and a remote
 * workbench's files as its web worker host sees them (vscode-remote).
 */
export const DOCUMENT_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-test-web', 'vscode-remote'] as const;

export function postmortemClientOptions(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClientOptions {
  // .postmortemrc.json and template files (any name a setting points at) change which template applies.
  const jsonWatcher = vscode.workspace.createFileSystemWatcher('**/*.json');
  context.subscriptions.push(jsonWatcher);
  return {
    documentSelector: DOCUMENT_SCHEMES.map((scheme) => ({ scheme, language: 'markdown' })),
    // A function, so a restart after trust was granted sends the current state.
    initializationOptions: (): InitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
    synchronize: { fileEvents: jsonWatcher },
    outputChannel,
    traceOutputChannel: outputChannel,
  };
}
