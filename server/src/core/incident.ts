// One incident at a glance, as the report (`postmortem-lint report`) and the Postmortems view both
// show it: title, date, severity, status and the metrics, read the same way for both.
import type { ActionItem, Postmortem } from './types.js';
import { computeMetrics } from './metrics.js';
import { reportMetrics, type MetricsReport } from './summary.js';

export interface IncidentSummary {
  title: string | null;
  /** YYYY-MM-DD (UTC) of the Date field, else of the incident's start when its date is known. */
  date: string | null;
  severity: string | null;
  status: string | null;
  /** Spans in whole seconds; time to resolve only from a resolve milestone, never the Duration. */
  metrics: MetricsReport;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function incidentSummary(postmortem: Postmortem): IncidentSummary {
  const m = computeMetrics(postmortem);
  const dated = postmortem.metadata.date?.value ?? (m.dateKnown ? m.start : null);
  return {
    title: postmortem.title?.value ?? null,
    date: dated === null || dated === undefined ? null : isoDate(dated),
    severity: postmortem.metadata.severity?.value.trim() || null,
    status: postmortem.metadata.status?.value.trim() || null,
    metrics: reportMetrics(postmortem, m),
  };
}

/** open or done: the status the parser read, else the checkbox; an item that says neither is open. */
export function actionStatus(item: ActionItem): 'open' | 'done' {
  return item.status ?? (item.checked === true ? 'done' : 'open');
}
