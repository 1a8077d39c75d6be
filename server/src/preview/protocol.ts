// The `postmortem/preview` request: the client asks, the server renders (it owns templates and config).
export const PREVIEW_REQUEST = 'postmortem/preview';

export interface PreviewParams {
  uri: string;
  /** The text to render; without it the server uses its synced copy of the document. */
  text?: string;
  /** The user's `postmortem.preview.allowRemoteImages` for this document. */
  allowRemoteImages?: boolean;
}

/** What goes inside the page's `<main>`; the client builds the page (it knows the webview's CSP source and nonce). */
export interface PreviewResult {
  title: string;
  body: string;
}
