// The postmortem preview as HTML: a pure function of the document, shared by the webview and the CLI.
import type { Analysis } from '../core/index.js';
import { computeLineStarts, lineOf } from '../core/index.js';
import { previewContext } from './context.js';
import { renderSummary } from './summary.js';
import { renderTimeline } from './timeline.js';
import { renderActions } from './actions.js';
import { renderProblems } from './problems.js';
import { renderMarkdown } from './document.js';
import { escapeHtml } from './html.js';
import { renderPage, type PageOptions } from './page.js';

export { renderPage, contentSecurityPolicy, type PageOptions } from './page.js';

export interface BodyOptions {
  allowRemoteImages: boolean;
  /** Focusable entries that reveal their line (the webview); false for a static page. */
  interactive: boolean;
  idPrefix?: string;
}

export interface PreviewBody {
  title: string;
  body: string;
}

/** Everything inside `<main>`: summary, timeline, action items, problems, then the document. */
export function renderPreviewBody(text: string, analysis: Analysis, options: BodyOptions): PreviewBody {
  const postmortem = analysis.postmortem;
  if (!postmortem) {
    // Too large to analyse: say why, and do not render megabytes of Markdown per keystroke either.
    const lineStarts = computeLineStarts(text);
    const problems = renderProblems({ analysis, interactive: options.interactive, idPrefix: options.idPrefix ?? 'pm', line: (o) => lineOf(lineStarts, o) });
    return { title: 'Postmortem preview', body: `<header class="summary"><h1>Postmortem preview</h1></header>${problems}` };
  }
  const ctx = previewContext(postmortem, analysis, options);
  const document = renderMarkdown(text, options.allowRemoteImages);
  const docId = `${ctx.idPrefix}-document`;
  const body = [
    renderSummary(ctx),
    renderTimeline(ctx),
    renderActions(ctx),
    renderProblems(ctx),
    `<section class="document" aria-labelledby="${docId}"><h2 id="${docId}" class="visually-hidden">Document</h2><article class="markdown">${document}</article></section>`,
  ].join('\n');
  return { title: postmortem.title?.value ?? 'Postmortem preview', body };
}

export function renderPreviewHtml(text: string, analysis: Analysis, options: PageOptions): string {
  const { title, body } = renderPreviewBody(text, analysis, { allowRemoteImages: options.allowRemoteImages, interactive: !options.standalone });
  return renderPage(title, body, options);
}

/** One shareable page for several files: a section per file. */
export function renderStandaloneReport(files: { name: string; text: string; analysis: Analysis }[], options: Omit<PageOptions, 'standalone' | 'cspSource' | 'scriptUri' | 'styleUri'>): string {
  const page = { ...options, standalone: true, cspSource: '', scriptUri: '', styleUri: '' };
  if (files.length === 1) return renderPreviewHtml(files[0].text, files[0].analysis, page);
  const sections = files.map((file, i) => {
    const { body } = renderPreviewBody(file.text, file.analysis, { allowRemoteImages: options.allowRemoteImages, interactive: false, idPrefix: `f${i + 1}` });
    return `<section class="file" aria-labelledby="f${i + 1}-file"><p class="file-name" id="f${i + 1}-file">${escapeHtml(file.name)}</p>\n${body}\n</section>`;
  });
  return renderPage(`Postmortems (${files.length} files)`, sections.join('\n<hr class="file-break">\n'), page);
}
