// Small helpers shared by the commands: which editor they act on, and how they reach the server.
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient';
import type { LanguageClient } from 'vscode-languageclient/node';

/** The active Markdown editor, or undefined after telling the user why nothing happened. */
export function activeMarkdownEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'markdown') return editor;
  void vscode.window.showInformationMessage('Open a postmortem (a Markdown file) first.');
  return undefined;
}

/** The document's URI exactly as the client sent it to the server in didOpen. */
export function serverUri(client: LanguageClient, document: vscode.TextDocument): string {
  return client.code2ProtocolConverter.asUri(document.uri);
}

/**
 * Runs a server command with plain JSON arguments. Going through the request rather than
 * vscode.commands keeps vscode.Uri objects (which do not serialise to strings) out of it.
 */
export function executeServerCommand<R = unknown>(client: LanguageClient, command: string, args: unknown[]): Promise<R> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<R>;
}
