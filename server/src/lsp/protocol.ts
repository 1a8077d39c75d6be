// The server's own protocol: custom requests, notifications, commands and settings, as the
// client sees them. No imports, so the client can import it (types, or values) without
// pulling in any server code.

/** `workspace/executeCommand` commands, advertised in `executeCommandProvider`. */
export const SERVER_COMMANDS = {
  /** Arguments [uri, version]; result FixAllResult. */
  fixAll: 'postmortem.server.fixAll',
  /** Arguments [uri, version, sectionTitle]; result InsertSectionResult. */
  insertSection: 'postmortem.server.insertSection',
  /** No arguments; result: the number of postmortem files checked. */
  lintWorkspace: 'postmortem.server.lintWorkspace',
} as const;

/** UriParams → MissingSection[] in template order. */
export const MISSING_SECTIONS_REQUEST = 'postmortem/missingSections';
/** UriParams → DocumentInfo. */
export const DOCUMENT_INFO_REQUEST = 'postmortem/documentInfo';
/** NewPostmortemParams → NewPostmortemResult. */
export const NEW_POSTMORTEM_REQUEST = 'postmortem/newPostmortem';
/** No params → EngineLoadedResult; whether the parser has been loaded yet (startup checks). */
export const ENGINE_LOADED_REQUEST = 'postmortem/engineLoaded';
/** Client → server: DidChangeTrustParams. */
export const DID_CHANGE_TRUST_NOTIFICATION = 'postmortem/didChangeTrust';

/**
 * A client command code actions carry after an edit that adds a section: arguments
 * [uri, LspRange] — where to put the cursor in the edited document, and reveal.
 */
export const REVEAL_SELECTION_COMMAND = 'postmortem.revealSelection';

/** An LSP range (0-based lines, UTF-16 columns). */
export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Diagnostics the server publishes carry this source; `code` is the rule name. */
export const DIAGNOSTIC_SOURCE = 'postmortem';
/** Code action kind of "Fix all postmortem problems" (works with editor.codeActionsOnSave). */
export const FIX_ALL_KIND = 'source.fixAll.postmortem';

export interface UriParams {
  uri: string;
}

export interface MissingSection {
  title: string;
  level: number;
  /** Where it would go, in words: "after Lessons Learned", "before Timeline", "at the end of …". */
  placement?: string;
}

export interface DocumentInfo {
  isPostmortem: boolean;
  /** Built-in name or template path as configured; "" when the file is not a postmortem. */
  templateName: string;
  /** What picked the template: front matter `template:`, the setting, `.postmortemrc.json`, or none (the built-in default). */
  templateSource?: 'document' | 'override' | 'settings' | 'file' | 'default';
  /** Why that template, in words (which front matter key or override picked it). */
  templateReason?: string;
  /** Why the config that applies to this file is broken (then a fallback template is in use); empty when it is fine. */
  configErrors?: string[];
  problemCount: number;
  /** The .postmortemrc.json that applies, if any. */
  configUri?: string;
}

export interface NewPostmortemParams {
  /** A built-in template; omitted means the template configured for `uri` (or the default). */
  templateName?: string;
  title?: string;
  /** YYYY-MM-DD */
  date: string;
  /** Where the file will be created; its configuration picks the template. */
  uri?: string;
}

export interface NewPostmortemResult {
  text: string;
}

export interface EngineLoadedResult {
  loaded: boolean;
}

export interface FixAllResult {
  /** Whether the client applied the edit. */
  applied: boolean;
  /** How many fixes went into it. */
  fixed: number;
  /** Problems left after it ("Fixed N problems; M left"); absent when nothing was fixed. */
  remaining?: number;
}

export interface InsertSectionResult {
  applied: boolean;
  /** In the edited document: the new section's placeholder (or the end of its heading), for the cursor. */
  selection?: LspRange;
}

export interface InitializationOptions {
  /** VS Code's Workspace Trust; without it the server never reads templates from workspace paths. Default true. */
  workspaceTrusted: boolean;
}

export interface DidChangeTrustParams {
  trusted: boolean;
}

/** `data` of every published diagnostic: which analysis and problem it came from. */
export interface DiagnosticData {
  /** The analysis that produced it. */
  analysis: number;
  /** The document version analysed. */
  version: number;
  /** Index of the problem in that analysis. */
  index: number;
}

/** The "postmortem" settings section, read per resource through `workspace/configuration`. */
export interface PostmortemSettings {
  /** Built-in template name or workspace-relative path; a .postmortemrc.json "template" wins. */
  template: string;
  /** Severity per rule ("error" | "warning" | "info" | "off"). */
  rules: Record<string, string>;
  /** Globs (workspace-relative, case-insensitive) of Markdown files that are postmortems. */
  files: string[];
  /** Globs of Markdown files that are never postmortems (a README, an index), whatever they say. */
  exclude: string[];
  validate: 'onType' | 'onSave';
  maxFileSizeKB: number;
  /** An analysis that takes longer is stopped; the document gets one `analysis-timeout` problem. */
  analysisTimeoutMs: number;
}

export const DEFAULT_SETTINGS: Readonly<PostmortemSettings> = Object.freeze({
  template: '',
  rules: {},
  files: ['**/postmortems/**/*.md', '**/*postmortem*.md', '**/*post-mortem*.md', '**/incidents/**/*.md'],
  // The same list as core/exclude.ts's DEFAULT_EXCLUDE (this file imports nothing; a test compares them).
  exclude: ['**/README.{md,markdown}', '**/index.{md,markdown}', '**/_index.{md,markdown}', '**/template.{md,markdown}', '**/*[-_.]template.{md,markdown}', '**/templates/**'],
  validate: 'onType',
  maxFileSizeKB: 2048,
  analysisTimeoutMs: 3000,
});

/** WorkspaceIndexParams → WorkspaceIndexResult: every postmortem in the workspace folders (the views). */
export const WORKSPACE_INDEX_REQUEST = 'postmortem/workspaceIndex';

export interface WorkspaceIndexParams {
  /** Files changed on disk since the last request: read again. */
  changed?: string[];
}

export interface IndexedActionItem {
  /** 0-based, as LSP positions are. */
  line: number;
  text: string;
  tag: string | null;
  owner: string | null;
  /** YYYY-MM-DD */
  due: string | null;
  status: 'open' | 'done';
}

export interface IndexedPostmortem {
  uri: string;
  title: string | null;
  /** YYYY-MM-DD */
  date: string | null;
  severity: string | null;
  status: string | null;
  durationSeconds: number | null;
  timeToResolveSeconds: number | null;
  problemCount: number;
  actionItems: IndexedActionItem[];
}

export interface WorkspaceIndexResult {
  postmortems: IndexedPostmortem[];
}
