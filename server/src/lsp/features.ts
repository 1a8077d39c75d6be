// Every feature the language server offers, registered once for both entries (server.ts on Node,
// browser-server.ts in a web worker), so neither can miss one the other has.
import type { Connection } from 'vscode-languageserver';
import type { PostmortemService } from './service.js';
import { registerSettingsSupport } from './settings.js';
import { registerDiagnosticsSupport } from './diagnostics.js';
import { registerCodeActionSupport } from './code-actions.js';
import { registerCompletionSupport } from './completion.js';
import { registerHoverSupport } from './hover.js';
import { registerDocumentSymbolSupport } from './symbols.js';
import { registerFoldingSupport } from './folding.js';
import { registerCommandSupport } from './commands.js';
import { registerRequestSupport } from './requests.js';
import { registerPreviewSupport } from './preview.js';
import { registerWorkspaceIndexSupport } from './workspace-index.js';

export function registerFeatures(connection: Connection, service: PostmortemService): void {
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
}
