// The "postmortem" settings per resource, asked of the client through workspace/configuration
// and cached per URI until the client says they changed.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, type PostmortemSettings } from './protocol.js';
import type { WorkspaceState } from './workspace.js';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Settings as the client sent them, made safe: anything of the wrong type falls back to its default. */
export function readSettings(raw: unknown): PostmortemSettings {
  const r = isRecord(raw) ? raw : {};
  const globs = (value: unknown, fallback: readonly string[]) => (Array.isArray(value) && value.every((f) => typeof f === 'string') ? (value as string[]) : [...fallback]);
  const files = globs(r.files, DEFAULT_SETTINGS.files);
  const size = r.maxFileSizeKB;
  const timeout = r.analysisTimeoutMs;
  return {
    template: typeof r.template === 'string' ? r.template.trim() : '',
    // Passed to the config loader as is: it reports unknown rules and bad severities.
    rules: isRecord(r.rules) ? (r.rules as Record<string, string>) : {},
    files,
    exclude: globs(r.exclude, DEFAULT_SETTINGS.exclude),
    validate: r.validate === 'onSave' ? 'onSave' : 'onType',
    maxFileSizeKB: typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : DEFAULT_SETTINGS.maxFileSizeKB,
    analysisTimeoutMs: typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0 ? Math.round(timeout) : DEFAULT_SETTINGS.analysisTimeoutMs,
  };
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<PostmortemSettings>>();
  /** From didChangeConfiguration, for clients that cannot answer workspace/configuration. */
  private pushed: PostmortemSettings = readSettings(undefined);

  constructor(
    private readonly connection: Connection,
    private readonly workspace: WorkspaceState,
  ) {}

  get(uri: string): Promise<PostmortemSettings> {
    if (!this.workspace.supportsConfiguration) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'postmortem' }).then(readSettings, (error) => {
        this.connection.console.warn(`Could not read the postmortem settings for ${uri}; using the defaults: ${error instanceof Error ? error.message : String(error)}`);
        this.cache.delete(uri);
        return readSettings(undefined);
      });
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** didChangeConfiguration: forget everything; keep what a push-only client sent. */
  changed(pushed: unknown): void {
    this.cache.clear();
    const section = isRecord(pushed) ? pushed.postmortem : undefined;
    if (section !== undefined) this.pushed = readSettings(section);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
