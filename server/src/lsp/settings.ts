// Keeping settings and config current: didChangeConfiguration, watched .postmortemrc.json and
// template files, workspace folder changes and Workspace Trust all drop the caches and
// re-check every open document.
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, type Connection, type DidChangeConfigurationParams, type DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { guardNotification } from './guard.js';
import { DID_CHANGE_TRUST_NOTIFICATION, type DidChangeTrustParams } from './protocol.js';
import type { PostmortemService } from './service.js';
import { uriToPath } from './workspace.js';

const CONFIG_FILE = /(^|[\\/])\.postmortemrc\.json$/i;

export function registerSettingsSupport(connection: Connection, service: PostmortemService): void {
  service.addCapabilities({ workspace: { workspaceFolders: { supported: true, changeNotifications: true } } });

  service.onInitialized(() => {
    const capabilities = service.workspace.capabilities.workspace;
    const registered = (what: string) => (error: unknown) => connection.console.warn(`Could not register for ${what}: ${error instanceof Error ? error.message : String(error)}`);
    if (capabilities?.didChangeConfiguration?.dynamicRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'postmortem' }).catch(registered('settings changes'));
    }
    if (capabilities?.didChangeWatchedFiles?.dynamicRegistration) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.postmortemrc.json' }, { globPattern: '**/*.json' }] })
        .catch(registered('config file changes'));
    }
    if (capabilities?.workspaceFolders) {
      try {
        connection.workspace.onDidChangeWorkspaceFolders(guardNotification(connection, 'Workspace folders changed', (event: unknown) => {
          // Either list may be missing or hold garbage: a client's mistake, not a reason to throw.
          const list = (key: 'added' | 'removed') => {
            const value = (event as Record<string, unknown> | null)?.[key];
            return Array.isArray(value) ? (value as unknown[]) : [];
          };
          const removed = new Set(list('removed').map((f) => (f as { uri?: unknown } | null)?.uri));
          const kept = service.workspace.folders.filter((f) => !removed.has(f.uri)).map((f) => ({ uri: f.uri, name: '' }));
          service.workspace.setFolders([...kept, ...list('added')]);
          service.requestRefresh();
        }));
      } catch (error) {
        registered('workspace folder changes')(error);
      }
    }
  });

  connection.onDidChangeConfiguration(guardNotification(connection, 'Settings changed', (params: DidChangeConfigurationParams) => {
    service.settings.changed(params?.settings);
    service.requestRefresh();
  }));

  connection.onDidChangeWatchedFiles(guardNotification(connection, 'Watched files changed', (params: DidChangeWatchedFilesParams) => {
    const changes = Array.isArray(params?.changes) ? params.changes : [];
    const relevant = changes.some((change) => {
      const path = typeof change?.uri === 'string' ? uriToPath(change.uri) : undefined;
      return path !== undefined && (CONFIG_FILE.test(path) || service.configs.usesTemplate(path));
    });
    if (relevant) service.requestRefresh();
  }));

  connection.onNotification(DID_CHANGE_TRUST_NOTIFICATION, guardNotification(connection, 'Workspace trust changed', (params: DidChangeTrustParams) => {
    if (typeof params?.trusted !== 'boolean' || params.trusted === service.workspace.trusted) return;
    service.workspace.trusted = params.trusted;
    service.requestRefresh();
  }));
}
