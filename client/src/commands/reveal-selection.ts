import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REVEAL_SELECTION_COMMAND, type LspRange } from '../../../server/src/lsp/protocol.js';

/** Puts the cursor on `range` in the editor showing `uri` and scrolls it into view. */
export async function revealSelection(client: LanguageClient, uri: vscode.Uri, range: LspRange): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: false, preview: false });
  const selection = client.protocol2CodeConverter.asRange(range);
  // The anchor at the end, so typing replaces the placeholder and the cursor sits after it.
  editor.selection = new vscode.Selection(selection.start, selection.end);
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The command a quick fix that adds a section runs after its edit (see code-actions.ts on the server). */
export function registerRevealSelection(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(REVEAL_SELECTION_COMMAND, (uri: unknown, range: unknown) => {
    if (typeof uri !== 'string' || !isRange(range)) return;
    return revealSelection(client, client.protocol2CodeConverter.asUri(uri), range);
  });
}

function isRange(value: unknown): value is LspRange {
  const r = value as LspRange | undefined;
  return typeof r?.start?.line === 'number' && typeof r.start.character === 'number' && typeof r.end?.line === 'number' && typeof r.end.character === 'number';
}
