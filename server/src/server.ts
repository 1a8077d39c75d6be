// The postmortem language server. `--stdio` or the VS Code client's IPC both work through
// createConnection. Its features are registered by lsp/features.ts (shared with the web entry);
// analyses run in a worker thread, and the engine is loaded there on first use, not here.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { PostmortemService } from './lsp/service.js';
import { registerFeatures } from './lsp/features.js';
import { nodeFileHost } from './node/file-host.js';
import { createWorkerRunner } from './lsp/worker-runner.js';

const connection = createConnection(ProposedFeatures.all);
// Analyses run in a worker thread, so this one only speaks LSP (the browser entry injects another runner).
const service = new PostmortemService(connection, nodeFileHost, createWorkerRunner());

registerFeatures(connection, service);

connection.onInitialized(() => service.initialized());

// Bad input must never take the server down: log what escaped a handler and carry on.
process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`));

service.documents.listen(connection);
connection.listen();
