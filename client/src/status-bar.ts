// The status bar item for the active postmortem: `$(checklist) <template> · N problems`, or that the config is broken.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DIAGNOSTIC_SOURCE, DOCUMENT_INFO_REQUEST, type DocumentInfo, type UriParams } from '../../server/src/lsp/protocol.js';
import { serverUri } from './server-calls.js';
import { FOCUS_PROBLEMS, statusText } from './status-text.js';

export function createStatusBar(client: LanguageClient): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('postmortem.status', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Postmortem';
  item.command = FOCUS_PROBLEMS;
  // Only the newest refresh may change the item; an older answer arriving late is dropped.
  let generation = 0;

  const refresh = async (): Promise<void> => {
    const current = ++generation;
    const document = vscode.window.activeTextEditor?.document;
    let info: DocumentInfo | undefined;
    if (document?.languageId === 'markdown' && client.isRunning()) {
      info = await client
        .sendRequest<DocumentInfo>(DOCUMENT_INFO_REQUEST, { uri: serverUri(client, document) } satisfies UriParams)
        .catch(() => undefined);
    }
    if (current !== generation) return;
    if (!document || !info?.isPostmortem) {
      item.hide();
      return;
    }
    // Counted from what is shown in the Problems panel, so the two always agree.
    const count = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
    const status = statusText(info, count);
    item.text = status.text;
    item.tooltip = status.tooltip;
    item.backgroundColor = status.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };

  const isActive = (uri: vscode.Uri): boolean => uri.toString() === vscode.window.activeTextEditor?.document.uri.toString();
  void refresh();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some(isActive)) void refresh();
    }),
    // Settings such as postmortem.files or postmortem.template change what the server answers.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('postmortem')) void refresh();
    }),
    client.onDidChangeState(() => void refresh()),
  );
}
