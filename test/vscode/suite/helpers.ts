// Shared by the extension-host tests: waiting on events with deadlines, never fixed sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemExtensionApi } from '../../../client/src/extension.js';

export const EXTENSION_ID = 'postmortem-tools.postmortem-lint';
export const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Resolves with `check()`'s first truthy result: checked now, then each time `event` fires
 * (and at a slow poll, for state no event reports). Rejects with `what` at the deadline.
 */
export function until<T>(
  what: string,
  check: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  event?: vscode.Event<unknown>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (error: Error | undefined, value?: T): void => {
      if (done) return;
      done = true;
      subscription?.dispose();
      clearInterval(poll);
      clearTimeout(deadline);
      if (error) reject(error);
      else resolve(value as T);
    };
    const probe = (): void => {
      Promise.resolve()
        .then(check)
        .then((value) => value && finish(undefined, value), (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
    };
    const subscription = event?.(probe);
    const poll = setInterval(probe, 250);
    const deadline = setTimeout(() => finish(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    probe();
  });
}

/** Activates the extension and waits until its language server is running. */
export async function activate(): Promise<PostmortemExtensionApi> {
  const extension = vscode.extensions.getExtension<PostmortemExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the test host`);
  const api = await extension.activate();
  await until('the language server to start', () => api.client.isRunning(), api.client.onDidChangeState);
  return api;
}

export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test host was started without the test/vscode/workspace folder');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** The diagnostic's rule name: a code with a documentation link arrives as { value, target }. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

export function postmortemDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem');
}

/** Waits until the server has published diagnostics for `uri` that satisfy `accept`. */
export function diagnosticsFor(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return until(what, () => {
    const diagnostics = postmortemDiagnostics(uri);
    return accept(diagnostics) && diagnostics;
  }, vscode.languages.onDidChangeDiagnostics);
}

/** Discards unsaved changes so each test starts from the fixture on disk. */
export async function revertAndClose(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
