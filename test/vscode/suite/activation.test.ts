import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { State } from 'vscode-languageclient/node';
import { activate, EXTENSION_ID, openEditor, workspaceFile } from './helpers.js';

// vscode-languageclient's State values, without bundling the library into the suite a second time.
const STOPPED = 1 satisfies State.Stopped;
const RUNNING = 2 satisfies State.Running;

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
    // A command that did nothing would leave the client running too: require a stop, a start and
    // a new initialize handshake (a new server process answers it).
    const before = api.client.initializeResult;
    assert.ok(before, 'the client has no initialize result before the restart');
    const states: State[] = [];
    const listener = api.client.onDidChangeState((change) => states.push(change.newState));
    try {
      await vscode.commands.executeCommand('postmortem.restartServer');
      await activate();
    } finally {
      listener.dispose();
    }
    assert.ok(states.includes(STOPPED), `the server was not stopped (states seen: ${states.join(', ')})`);
    assert.equal(states.at(-1), RUNNING);
    assert.notEqual(api.client.initializeResult, before, 'no new initialize handshake after the restart');
    assert.equal(api.client.isRunning(), true);
  });
});
