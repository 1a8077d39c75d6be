// The page around the preview body, with the same Content-Security-Policy rules as VS Code's Markdown preview.
// Pure and free of unified, so the extension client can build the page around a body the server rendered.
import { attrs, escapeHtml } from './html.js';

export interface PageOptions {
  /** Fresh per page: the only way our own script and styles are allowed to run. */
  nonce: string;
  /** `webview.cspSource`; unused for a standalone page. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  allowRemoteImages: boolean;
  /** A page for sharing (the CLI): CSS inlined under the nonce, no script. */
  standalone?: boolean;
  /** The stylesheet's text, inlined when standalone. */
  css?: string;
}

export function contentSecurityPolicy(options: PageOptions): string {
  const nonce = `'nonce-${options.nonce}'`;
  const images = options.allowRemoteImages ? ' https:' : '';
  const directives = options.standalone
    ? [`default-src 'none'`, `style-src ${nonce}`, `img-src${images || " 'none'"}`]
    : [`default-src 'none'`, `style-src ${options.cspSource}`, `img-src ${options.cspSource}${images}`, `font-src ${options.cspSource}`, `script-src ${nonce}`];
  return [...directives, `base-uri 'none'`, `form-action 'none'`].join('; ');
}

export function renderPage(title: string, body: string, options: PageOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(options.nonce)) throw new Error('The preview needs a random nonce of at least 16 base64 characters.');
  const style = options.standalone
    ? `<style nonce="${options.nonce}">\n${options.css ?? ''}\n</style>`
    : `<link rel="stylesheet"${attrs({ href: options.styleUri })}>`;
  const script = options.standalone ? '' : `<script${attrs({ nonce: options.nonce, src: options.scriptUri })}></script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(options))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${style}
</head>
<body${attrs({ class: options.standalone ? 'standalone' : undefined })}>
<main id="root" class="postmortem-preview">
${body}
</main>
${script}
</body>
</html>
`;
}
