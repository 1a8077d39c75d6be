// The incident's times to detect, acknowledge, mitigate and resolve in one line, for hover on the Duration.
import type { Postmortem } from '../types.js';
import { computeMetrics, type IncidentMetrics } from '../metrics.js';
import { formatElapsed } from './timeline-assist.js';

const LABELS: [keyof Pick<IncidentMetrics, 'detect' | 'acknowledge' | 'mitigate' | 'resolve'>, string][] = [
  ['detect', 'TTD'],
  ['acknowledge', 'TTA'],
  ['mitigate', 'TTM'],
  ['resolve', 'TTR'],
];

/** "TTD 0m · TTA 5m · TTM 1h · TTR 2h 30m", the milestones the timeline names; undefined when it names none. */
export function milestoneTimes(postmortem: Postmortem, defaultZone?: string): string | undefined {
  const metrics = computeMetrics(postmortem, defaultZone);
  const parts = LABELS.flatMap(([kind, label]) => {
    const after = metrics[kind]?.after;
    return after === null || after === undefined ? [] : [`${label} ${formatElapsed(after)}`];
  });
  return parts.length ? parts.join(' · ') : undefined;
}
