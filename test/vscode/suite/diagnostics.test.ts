import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, diagnosticsFor, openEditor, postmortemDiagnostics, revertAndClose, ruleOf, until, workspaceFile } from './helpers.js';

const FAILING = 'postmortems/search-indexing-stalled.md';
const has = (rule: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => ruleOf(d) === rule);

describe('diagnostics and fixes', () => {
  before(activate);

  it('reports the problems of a failing postmortem', async () => {
    const uri = workspaceFile(FAILING);
    const editor = await openEditor(uri);
    try {
      const diagnostics = await diagnosticsFor(uri, 'diagnostics for the failing fixture', has('timeline-order'));
      const rules = new Set(diagnostics.map(ruleOf));
      for (const rule of ['missing-section', 'empty-section', 'duplicate-section', 'timeline-order', 'timeline-unreadable', 'action-item-untagged', 'action-item-unknown-tag']) {
        assert.ok(rules.has(rule), `expected a ${rule} diagnostic, got ${[...rules].join(', ')}`);
      }
    } finally {
      await revertAndClose(editor);
    }
  });

  it('applies a quick fix from the code action provider', async () => {
    const uri = workspaceFile(FAILING);
    const editor = await openEditor(uri);
    try {
      const [unknownTag] = (await diagnosticsFor(uri, 'the unknown-tag diagnostic', has('action-item-unknown-tag'))).filter(
        (d) => ruleOf(d) === 'action-item-unknown-tag',
      );
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        uri,
        unknownTag.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((a): a is vscode.CodeAction => 'edit' in a && a.edit !== undefined && a.title.includes('Fix'));
      assert.ok(fix?.edit, `no quick fix offered; got: ${actions.map((a) => a.title).join(' | ')}`);
      const line = unknownTag.range.start.line;
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(editor.document.lineAt(line).text, /\*\*Fix:\*\*/);
      await diagnosticsFor(uri, 'the unknown-tag diagnostic to go away', (d) => !has('action-item-unknown-tag')(d));
    } finally {
      await revertAndClose(editor);
    }
  });

  it('Fix All Problems applies the safe fixes through the server', async () => {
    const uri = workspaceFile(FAILING);
    const editor = await openEditor(uri);
    try {
      await diagnosticsFor(uri, 'diagnostics before fixing', (d) => has('action-item-unknown-tag')(d) && has('missing-section')(d));
      const original = editor.document.getText();
      const result = await vscode.commands.executeCommand<{ applied: boolean; fixed: number }>('postmortem.fixAll');
      assert.ok(result?.applied && result.fixed > 0, `Fix All reported ${JSON.stringify(result)}`);
      await until('Fix All to change the document', () => editor.document.getText() !== original, vscode.workspace.onDidChangeTextDocument);
      // Fix All applies only fixes that cannot create a new problem: the tag typo goes, while a
      // missing section is left to its quick fix (inserting one is the author's pick).
      await diagnosticsFor(uri, 'no unknown-tag problem after Fix All, missing sections left', (d) => !has('action-item-unknown-tag')(d) && has('missing-section')(d));
      assert.match(editor.document.getText(), /\*\*Fix:\*\* Run schema migrations in batches/);
    } finally {
      await revertAndClose(editor);
    }
  });

  it('Lint Workspace reports files that are not open', async () => {
    const unopened = workspaceFile('postmortems/dns-resolver-overload.md');
    const count = await vscode.commands.executeCommand<number>('postmortem.lintWorkspace');
    assert.ok(typeof count === 'number' && count >= 2, `expected at least 2 files checked, got ${count}`);
    await diagnosticsFor(unopened, 'diagnostics for a file that was never opened', has('missing-section'));
  });

  it('leaves Markdown that is not a postmortem alone', async () => {
    const api = await activate();
    const uri = workspaceFile('notes.md');
    const editor = await openEditor(uri);
    try {
      const info = await api.client.sendRequest<{ isPostmortem: boolean }>('postmortem/documentInfo', { uri: uri.toString() });
      assert.equal(info.isPostmortem, false);
      assert.deepEqual(postmortemDiagnostics(uri), []);
    } finally {
      await revertAndClose(editor);
    }
  });
});
