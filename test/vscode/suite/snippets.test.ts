import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate } from './helpers.js';

async function expand(name: string): Promise<string> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  try {
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
    return editor.document.getText();
  } finally {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

describe('snippets', () => {
  before(activate);

  it('expands an action item with the first tag chosen', async () => {
    assert.equal(await expand('Action item'), '- **Fix:** ');
  });

  it('expands a timeline entry at the current time', async () => {
    assert.match(await expand('Timeline entry'), /^- \*\*\d{2}:\d{2}:\*\* $/);
  });

  it('expands a whole postmortem dated today', async () => {
    const text = await expand('Postmortem (default template)');
    const now = new Date();
    const today = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
    assert.match(text, /^# Postmortem: Incident title\n/);
    // Times are placeholders, so the Duration is not read as a real zero-minute one.
    assert.ok(text.includes(`**Duration:** ${today} HH:MM - HH:MM (UTC)`), text);
    assert.ok(text.includes('## Corrective and Preventative Measures'), text);
  });
});
