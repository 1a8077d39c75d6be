// The server's custom protocol, as the client sees it. Declared here until
// server/src/lsp/protocol.ts exists; then these become type-only imports from it.

export const SERVER_COMMANDS = {
  fixAll: 'postmortem.server.fixAll',
  insertSection: 'postmortem.server.insertSection',
  lintWorkspace: 'postmortem.server.lintWorkspace',
} as const;

export const MISSING_SECTIONS_REQUEST = 'postmortem/missingSections';
export const DOCUMENT_INFO_REQUEST = 'postmortem/documentInfo';
export const NEW_POSTMORTEM_REQUEST = 'postmortem/newPostmortem';
export const DID_CHANGE_TRUST_NOTIFICATION = 'postmortem/didChangeTrust';

/** Diagnostics the server publishes carry this source. */
export const DIAGNOSTIC_SOURCE = 'postmortem';

export interface UriParams {
  uri: string;
}

export interface MissingSection {
  title: string;
  level: number;
}

export interface DocumentInfo {
  isPostmortem: boolean;
  templateName: string;
  problemCount: number;
}

export interface NewPostmortemParams {
  templateName?: string;
  title?: string;
  /** YYYY-MM-DD */
  date: string;
  uri?: string;
}

export interface NewPostmortemResult {
  text: string;
}

export interface InitializationOptions {
  workspaceTrusted: boolean;
}

export interface DidChangeTrustParams {
  trusted: boolean;
}
