import type { Analysis, IncidentMetrics, Postmortem } from '../core/index.js';
import { computeMetrics, lineOf } from '../core/index.js';

/** What every part of the page needs, computed once per render. */
export interface PreviewContext {
  postmortem: Postmortem;
  analysis: Analysis;
  metrics: IncidentMetrics;
  /** Zone times are shown in: the Duration's, else the template's default. */
  zone: string;
  /** Whether entries are focusable and clickable (the webview), or a static page (the CLI). */
  interactive: boolean;
  allowRemoteImages: boolean;
  /** Keeps ids unique when one page holds several files. */
  idPrefix: string;
  line(offset: number): number;
}

export function previewContext(postmortem: Postmortem, analysis: Analysis, options: { interactive: boolean; allowRemoteImages: boolean; idPrefix?: string }): PreviewContext {
  const zone = postmortem.metadata.duration?.zone ?? analysis.template.timeline.defaultTimeZone;
  return {
    postmortem,
    analysis,
    metrics: computeMetrics(postmortem, zone),
    zone,
    interactive: options.interactive,
    allowRemoteImages: options.allowRemoteImages,
    idPrefix: options.idPrefix ?? 'pm',
    line: (offset) => lineOf(postmortem.lineStarts, offset),
  };
}
