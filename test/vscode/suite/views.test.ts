import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemExtensionApi } from '../../../client/src/extension.js';
import type { ModelNode } from '../../../client/src/views/tree-model.js';
import { activate, until, workspaceFile } from './helpers.js';

const flatten = (nodes: ModelNode[]): ModelNode[] => nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);

describe('Postmortems and Action Items views', () => {
  let api: PostmortemExtensionApi;
  const overdueFile = workspaceFile('postmortems/2024-01-10-overdue-items.md');
  before(async () => {
    api = await activate();
  });
  after(async () => {
    await vscode.workspace.fs.delete(overdueFile).then(undefined, () => undefined);
  });

  it('lists the workspace postmortems, newest first, and not the notes', async () => {
    await api.views.refresh();
    const items = await until('the Postmortems view to fill', () => {
      const list = flatten(api.views.postmortems.getChildren()).filter((n) => n.kind === 'postmortem');
      return list.length >= 2 ? list : undefined;
    });
    const labels = items.map((n) => n.label);
    assert.ok(labels.includes('Postmortem: DNS Resolver Overload'), labels.join(', '));
    assert.ok(labels.includes('Postmortem: Search Indexing Stalled During Schema Migration'));
    assert.ok(!labels.some((l) => /notes/i.test(l)), 'notes.md is not a postmortem');
    const tree = api.views.postmortems.getTreeItem(items[0]);
    assert.equal(tree.command?.command, 'vscode.open');
  });

  it('shows an overdue open item with its owner, jumps to its line, and counts it in the badge', async () => {
    const text = '# Postmortem: Overdue Items\n\n**Duration:** 2024-01-10 10:00 - 2024-01-10 11:00 (UTC)\n\n## Corrective and Preventative Measures\n\n- [ ] **Fix:** Rotate the keys @robin due 2024-02-01\n- [x] **TODO:** Write it down @robin due 2024-02-01\n';
    await vscode.workspace.fs.writeFile(overdueFile, new TextEncoder().encode(text));
    const node = await until('the overdue item', async () => {
      await api.views.refresh([overdueFile.toString()]);
      return flatten(api.views.actionItems.getChildren()).find((n) => n.kind === 'action' && n.label.includes('Rotate the keys'));
    });
    assert.equal(node.overdue, true);
    assert.match(node.description ?? '', /@robin · due 2024-02-01 · overdue/);
    assert.equal(node.open?.line, 6);
    const done = flatten(api.views.actionItems.getChildren()).find((n) => n.label.includes('Write it down'));
    assert.equal(done?.overdue, false, 'a done item is never overdue');
    assert.ok(api.views.badge >= 1);
    const item = api.views.actionItems.getTreeItem(node);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    await until('the file to open at the item', () => vscode.window.activeTextEditor?.document.uri.toString() === overdueFile.toString() && vscode.window.activeTextEditor.selection.active.line === 6);
    await vscode.commands.executeCommand('postmortem.actionItems.groupByTag');
    assert.deepEqual(api.views.actionItems.getChildren()[0].children?.map((g) => g.label).includes('Fix'), true);
    await vscode.commands.executeCommand('postmortem.actionItems.groupByOwner');
  });
});
