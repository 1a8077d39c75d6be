// The postmortem language server for VS Code for the Web: the same features as server.ts, in a
// web worker. Messages come from the client over postMessage; files are read through the client
// (browser/file-host.ts); the engine is bundled in and runs here, off the UI thread already.
import './browser/immediate.js';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { PostmortemService } from './lsp/service.js';
import { registerFeatures } from './lsp/features.js';
import { InProcessRunner } from './lsp/analysis-runner.js';
import { engine } from './browser/engine.js';
import { useUriMapping } from './lsp/workspace.js';
import { clientFileHost } from './browser/file-host.js';
import { WEB_URIS } from './browser/uri-paths.js';

// `self` is the worker's global scope; DOM typings call it a Window.
const scope = self as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
useUriMapping(WEB_URIS);
// Already off the UI thread in a web worker: analyses run here, in process.
const service = new PostmortemService(connection, clientFileHost(connection), new InProcessRunner(engine));

registerFeatures(connection, service);

connection.onInitialized(() => {
  // Says in the Postmortem output which server this is (the web e2e run looks for it).
  connection.console.info('Postmortem language server running in a web worker (VS Code for the Web).');
  service.initialized();
});

// Bad input must never take the server down: log what escaped a handler and carry on.
self.addEventListener('error', (event) => connection.console.error(`Unexpected error: ${event.error?.stack ?? event.message}`));
self.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason;
  connection.console.error(`Unhandled rejection: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`);
});

service.documents.listen(connection);
connection.listen();
