// The postmortem language server. `--stdio` or the VS Code client's IPC both work through
// createConnection. Each feature is one register…Support(connection, service) call; the
// engine (parser, rules) is loaded on first use, not here.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { PostmortemService } from './lsp/service.js';
import { nodeFileHost } from './node/file-host.js';
import { registerSettingsSupport } from './lsp/settings.js';
import { registerDiagnosticsSupport } from './lsp/diagnostics.js';
import { registerCodeActionSupport } from './lsp/code-actions.js';
import { registerCompletionSupport } from './lsp/completion.js';
import { registerHoverSupport } from './lsp/hover.js';
import { registerDocumentSymbolSupport } from './lsp/symbols.js';
import { registerFoldingSupport } from './lsp/folding.js';
import { registerCommandSupport } from './lsp/commands.js';
import { registerRequestSupport } from './lsp/requests.js';
import { registerPreviewSupport } from './lsp/preview.js';
import { createWorkerRunner } from './lsp/worker-runner.js';
import { registerWorkspaceIndexSupport } from './lsp/workspace-index.js';

const connection = createConnection(ProposedFeatures.all);
// Analyses run in a worker thread, so this one only speaks LSP (the browser entry injects another runner).
const service = new PostmortemService(connection, nodeFileHost, createWorkerRunner());

registerSettingsSupport(connection, service);
registerDiagnosticsSupport(connection, service);
registerCodeActionSupport(connection, service);
registerCompletionSupport(connection, service);
registerHoverSupport(connection, service);
registerDocumentSymbolSupport(connection, service);
registerFoldingSupport(connection, service);
registerCommandSupport(connection, service);
registerRequestSupport(connection, service);
registerPreviewSupport(connection, service);
registerWorkspaceIndexSupport(connection, service);

connection.onInitialize((params) => service.initialize(params));
connection.onInitialized(() => service.initialized());

// Bad input must never take the server down: log what escaped a handler and carry on.
process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`));

service.documents.listen(connection);
connection.listen();
