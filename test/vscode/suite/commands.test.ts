import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, revertAndClose, until, workspaceFile } from './helpers.js';

describe('commands', () => {
  const created: vscode.Uri[] = [];
  before(activate);
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('New Postmortem writes a dated file from the server and never overwrites', async () => {
    const args = { template: 'google-sre', title: 'Cache stampede: “login” 500s' };
    const first = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', args);
    assert.ok(first, 'no file was created');
    created.push(first);
    assert.match(first.path, /\/postmortems\/\d{4}-\d{2}-\d{2}-cache-stampede-login-500s\.md$/);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(first));
    // It says which template it follows, so the server checks it against google-sre, not the workspace's default.
    assert.match(text, /^---\ntemplate: google-sre\n---\n\n# Postmortem: Cache stampede: “login” 500s/);
    assert.ok(text.includes('## Trigger'), 'google-sre sections expected');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), first.toString());
    const diagnostics = await until('the new file\'s diagnostics', () => {
      const found = vscode.languages.getDiagnostics(first).filter((d) => d.source === 'postmortem');
      return found.length > 0 ? found : undefined;
    }, vscode.languages.onDidChangeDiagnostics);
    // Its sections wait for text (empty-section), its field lines for values (placeholder-text).
    assert.deepEqual([...new Set(diagnostics.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)))].sort(), ['empty-section', 'placeholder-text'], 'only its placeholders are flagged');

    const second = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', args);
    assert.ok(second, 'no second file was created');
    created.push(second);
    assert.equal(second.path, first.path.replace(/\.md$/, '-2.md'));
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(first)), text, 'the first file changed');
  });

  it('New Postmortem refuses a postmortem.newFileFolder outside the workspace', async () => {
    const config = vscode.workspace.getConfiguration('postmortem');
    await config.update('newFileFolder', '../outside', vscode.ConfigurationTarget.Workspace);
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('postmortem.newPostmortem', { title: 'Escape attempt' });
      if (uri) created.push(uri);
      assert.equal(uri, undefined, `a file was created at ${uri?.fsPath}`);
    } finally {
      await config.update('newFileFolder', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('Insert Section inserts a missing section through the server', async () => {
    const api = await activate();
    const document = await vscode.workspace.openTextDocument(workspaceFile('postmortems/dns-resolver-overload.md'));
    const editor = await vscode.window.showTextDocument(document);
    try {
      const missing = await api.client.sendRequest<{ title: string; level: number }[]>('postmortem/missingSections', {
        uri: document.uri.toString(),
      });
      assert.ok(missing.some((s) => s.title === 'Timeline'), JSON.stringify(missing));
      await vscode.commands.executeCommand('postmortem.insertSection', 'Timeline');
      await until('the Timeline heading', () => /^## Timeline$/m.test(editor.document.getText()), vscode.workspace.onDidChangeTextDocument);
      // The cursor moved to the new section: its placeholder is selected, two lines under the heading.
      const active = vscode.window.activeTextEditor!;
      const heading = active.document.getText().split('\n').indexOf('## Timeline');
      assert.equal(active.selection.start.line, heading + 2);
      assert.match(active.document.getText(active.selection), /^<!-- .* -->$/);
    } finally {
      await revertAndClose(editor);
    }
  });
});
