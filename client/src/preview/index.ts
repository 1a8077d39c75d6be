// Postmortem: Open Preview / Open Preview to the Side. One panel per editor column; panels follow the active postmortem.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_INFO_REQUEST, type DocumentInfo } from '../../../server/src/lsp/protocol.js';
import { PREVIEW_VIEW_TYPE, PreviewPanel } from './panel.js';
import { previewTitle } from './title.js';

export const OPEN_PREVIEW = 'postmortem.openPreview';
export const OPEN_PREVIEW_TO_SIDE = 'postmortem.openPreviewToSide';

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable {
  const mediaRoot = vscode.Uri.joinPath(context.extensionUri, 'media');
  const panels = new Set<PreviewPanel>();
  const sameDocument = (panel: PreviewPanel, document: vscode.TextDocument) => panel.document.uri.toString() === document.uri.toString();

  const open = (toSide: boolean) => {
    const editor = vscode.window.activeTextEditor;
    const document = editor?.document.languageId === 'markdown' ? editor.document : lastFollowed(panels);
    if (!document) {
      void vscode.window.showInformationMessage('Open a postmortem (a Markdown file) to preview it.');
      return;
    }
    const editorColumn = editor?.viewColumn ?? vscode.ViewColumn.One;
    const column: vscode.ViewColumn = toSide ? editorColumn + 1 : editorColumn;
    const existing = [...panels].find((panel) => panel.panel.viewColumn === column);
    let panel = existing;
    if (panel) {
      panel.show(document);
      panel.panel.reveal(column, toSide);
    } else {
      const webviewPanel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, previewTitle(document.uri.path), { viewColumn: column, preserveFocus: toSide }, PreviewPanel.webviewOptions(mediaRoot));
      panel = new PreviewPanel(webviewPanel, document, client, mediaRoot, (closed) => panels.delete(closed));
      panels.add(panel);
    }
    if (editor?.document === document) panel.followCursor(editor.selection.active.line);
  };

  const reloadAll = () => {
    for (const panel of panels) void panel.render(true);
  };

  const disposables = [
    vscode.commands.registerCommand(OPEN_PREVIEW, () => open(false)),
    vscode.commands.registerCommand(OPEN_PREVIEW_TO_SIDE, () => open(true)),
    vscode.window.onDidChangeActiveTextEditor(async (editor) => {
      if (panels.size === 0 || !editor || !(await isPostmortem(client, editor.document))) return;
      // The user may have moved on while the server answered.
      if (vscode.window.activeTextEditor?.document !== editor.document) return;
      for (const panel of panels) panel.show(editor.document);
    }),
    // As VS Code's Markdown preview does: the page follows the cursor of the document it shows.
    vscode.window.onDidChangeTextEditorSelection((event) => {
      const line = event.selections[0]?.active.line;
      if (line === undefined) return;
      for (const panel of panels) if (sameDocument(panel, event.textEditor.document)) panel.followCursor(line);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0) return;
      for (const panel of panels) if (sameDocument(panel, event.document)) panel.scheduleUpdate();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('postmortem')) reloadAll();
    }),
    // Restricted settings (allowRemoteImages) start to apply once the workspace is trusted.
    vscode.workspace.onDidGrantWorkspaceTrust(reloadAll),
    { dispose: () => [...panels].forEach((panel) => panel.panel.dispose()) },
  ];
  return vscode.Disposable.from(...disposables);
}

function lastFollowed(panels: Set<PreviewPanel>): vscode.TextDocument | undefined {
  return [...panels].at(-1)?.document;
}

/** Panels follow the Markdown editors the server calls postmortems (by `postmortem.files` or content), not every README. */
async function isPostmortem(client: LanguageClient, document: vscode.TextDocument): Promise<boolean> {
  if (document.languageId !== 'markdown') return false;
  try {
    const info = await client.sendRequest<DocumentInfo>(DOCUMENT_INFO_REQUEST, { uri: client.code2ProtocolConverter.asUri(document.uri) });
    return info.isPostmortem;
  } catch {
    return false;
  }
}
