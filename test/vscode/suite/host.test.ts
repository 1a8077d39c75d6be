import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate } from './helpers.js';

// Which extension host the bundle was built for (scripts/build.mjs: vscode-tests, vscode-tests-web).
declare const PM_SUITE_HOST: 'node' | 'web';

/** Node's require, reached past the bundler, if the host has one at all. */
function hostRequire(id: string): unknown {
  const req = typeof require === 'function' ? require : undefined;
  if (!req) throw new Error('no require here');
  return req(id);
}

describe(`the ${PM_SUITE_HOST} extension host`, () => {
  it(PM_SUITE_HOST === 'web' ? 'is VS Code for the Web with no Node API reachable' : 'is a Node extension host', async () => {
    const api = await activate();
    assert.equal(api.client.isRunning(), true);
    const node = typeof process === 'object' && typeof process?.versions?.node === 'string';
    if (PM_SUITE_HOST === 'web') {
      assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'vscode.env.uiKind');
      assert.equal(node, false, 'process.versions.node is there');
      for (const id of ['fs', 'node:fs', 'path', 'child_process', 'worker_threads']) {
        assert.throws(() => hostRequire(id), `require('${id}') worked in the web worker host`);
      }
      assert.equal(typeof (globalThis as { Buffer?: unknown }).Buffer, 'undefined', 'Buffer is there');
    } else {
      assert.equal(node, true, 'no process.versions.node in the Node extension host');
      assert.ok(hostRequire('node:fs'), "require('node:fs')");
    }
  });
});
