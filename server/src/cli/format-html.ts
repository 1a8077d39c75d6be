import { randomBytes } from 'node:crypto';
import type { Analysis } from '../core/index.js';
import { renderStandaloneReport } from '../preview/index.js';
import { readPreviewCss } from '../node/preview-assets.js';

/** The shareable preview page: one HTML document, a section per file; no script, remote images off. */
export function formatHtml(files: { file: string; text: string; analysis: Analysis }[]): string {
  return renderStandaloneReport(
    files.map(({ file, text, analysis }) => ({ name: file, text, analysis })),
    { nonce: randomBytes(16).toString('base64'), allowRemoteImages: false, css: readPreviewCss() },
  );
}
