import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, EXTENSION_ID, openEditor, workspaceFile } from './helpers.js';

describe('activation', () => {
  it('activates on a Markdown document and starts the language server', async () => {
    await openEditor(workspaceFile('postmortems/search-indexing-stalled.md'));
    const api = await activate();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    assert.equal(api.client.isRunning(), true);
  });

  it('registers every command the manifest contributes', async () => {
    await activate();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { commands: { command: string }[] };
    };
    const contributed = manifest.contributes.commands.map((c) => c.command);
    for (const id of ['fixAll', 'insertSection', 'lintWorkspace', 'newPostmortem', 'restartServer', 'showOutput']) {
      assert.ok(contributed.includes(`postmortem.${id}`), `postmortem.${id} is not contributed`);
    }
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const command of contributed) assert.ok(registered.has(command), `${command} is not registered`);
  });

  it('restarts the server and comes back running', async () => {
    const api = await activate();
    await vscode.commands.executeCommand('postmortem.restartServer');
    await activate();
    assert.equal(api.client.isRunning(), true);
  });
});
