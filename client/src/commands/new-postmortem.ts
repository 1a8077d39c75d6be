import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { localDate, postmortemFileName } from '../file-name.js';
import { NEW_POSTMORTEM_REQUEST, type NewPostmortemParams, type NewPostmortemResult } from '../../../server/src/lsp/protocol.js';
import { BUILTIN_TEMPLATES } from '../builtin-templates.js';

export interface NewPostmortemArgs {
  /** A built-in template name; omitted means the configured `postmortem.template`. */
  template?: string;
  title?: string;
}

/**
 * Postmortem: New Postmortem — asks the server for the document text and writes it to
 * `<newFileFolder>/<date>-<slug>.md`. Arguments skip the prompts (keybindings, tests).
 * Resolves to the new document's URI.
 */
export function registerNewPostmortem(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand('postmortem.newPostmortem', async (args?: NewPostmortemArgs) => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const config = vscode.workspace.getConfiguration('postmortem', folder);
    // Only an options object skips the prompts; anything else (a Uri from a menu) is ignored.
    const given = typeof args === 'object' && args !== null && ('template' in args || 'title' in args) ? args : undefined;
    const picked = given ? { template: given.template } : await pickTemplate(config.get<string>('template', 'default'));
    if (!picked) return undefined;
    const title = given?.title ?? (await vscode.window.showInputBox({
      title: 'New Postmortem',
      prompt: 'Incident title',
      placeHolder: 'Checkout errors after the payments deploy',
      validateInput: (value) => (value.trim() ? undefined : 'Give the incident a title.'),
    }));
    if (title === undefined) return undefined;

    const date = localDate();
    const params: NewPostmortemParams = { templateName: picked.template, title: title.trim(), date };
    if (!folder) {
      const { text } = await client.sendRequest<NewPostmortemResult>(NEW_POSTMORTEM_REQUEST, params);
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
      await vscode.window.showTextDocument(document);
      return document.uri;
    }
    const directory = vscode.Uri.joinPath(folder.uri, config.get<string>('newFileFolder', 'postmortems'));
    // The setting may come from the workspace itself; it must not steer writes outside it.
    if (directory.path !== folder.uri.path && !directory.path.startsWith(`${folder.uri.path.replace(/\/$/, '')}/`)) {
      void vscode.window.showErrorMessage('Postmortem: postmortem.newFileFolder must be a folder inside the workspace folder.');
      return undefined;
    }
    for (let n = 1; ; n++) {
      const uri = vscode.Uri.joinPath(directory, postmortemFileName(date, title, n));
      if (await exists(uri)) continue;
      // The server resolves the configured template for this path, so it needs the URI.
      const { text } = await client.sendRequest<NewPostmortemResult>(NEW_POSTMORTEM_REQUEST, {
        ...params,
        uri: client.code2ProtocolConverter.asUri(uri),
      });
      const edit = new vscode.WorkspaceEdit();
      // overwrite: false makes the file service refuse if the name was taken since the check.
      edit.createFile(uri, { overwrite: false, contents: new TextEncoder().encode(text) });
      if (!(await vscode.workspace.applyEdit(edit))) {
        if (await exists(uri)) continue;
        throw new Error(`Postmortem: could not create ${uri.fsPath}.`);
      }
      await vscode.window.showTextDocument(uri);
      return uri;
    }
  });
}

async function pickTemplate(configured: string): Promise<{ template: string | undefined } | undefined> {
  const names = BUILTIN_TEMPLATES.map((t) => t.name);
  const items: (vscode.QuickPickItem & { template: string | undefined })[] = BUILTIN_TEMPLATES.map(({ name, description }) => ({
    label: name,
    description: name === configured ? 'configured' : undefined,
    // On its own line under the name: the quick pick cuts a long description off, not a detail this short.
    detail: description,
    template: name === configured ? undefined : name,
  }));
  if (!names.includes(configured)) {
    items.unshift({ label: configured, description: 'configured', detail: 'The template file postmortem.template or .postmortemrc.json names.', template: undefined });
  }
  // The configured template first, so Enter takes it.
  items.sort((a, b) => Number(a.template !== undefined) - Number(b.template !== undefined));
  // The new file names a built-in in its front matter (`template:`), which the server checks it against.
  return vscode.window.showQuickPick(items, { title: 'New Postmortem: template', placeHolder: 'The new file is checked against the template you pick', matchOnDetail: true });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
