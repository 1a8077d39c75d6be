// The incident summary the report and the Postmortems view share (core/incident.ts).
import { describe, expect, it } from 'vitest';
import { analyze, incidentSummary, actionStatus } from '../../server/src/core/index.js';

const doc = (last: string) => [
  '# Postmortem: Queue backlog',
  '',
  '**Duration:** 2024-05-01 10:00 - 12:00 (UTC)',
  '**Severity:** SEV-2 ',
  '',
  '## Timeline',
  '',
  '- **10:05:** Lag alert fires.',
  `- **11:30:** ${last}`,
  '',
  '## Action Items',
  '',
  '- [x] **Fix:** Raise the consumer count.',
  '- **TODO:** Alert on lag sooner.',
  '',
].join('\n');

describe('incidentSummary', () => {
  it('reads title, date from the Duration, severity trimmed, and the spans in seconds', () => {
    const summary = incidentSummary(analyze(doc('Service recovered.')).postmortem!);
    expect(summary).toMatchObject({ title: 'Postmortem: Queue backlog', date: '2024-05-01', severity: 'SEV-2', status: null });
    expect(summary.metrics).toMatchObject({ durationSeconds: 7200, timeToDetectSeconds: 300, timeToResolveSeconds: 5400 });
  });

  it('has no time to resolve without a resolve milestone: the Duration is not one', () => {
    const summary = incidentSummary(analyze(doc('Consumers scaled up.')).postmortem!);
    expect(summary.metrics.durationSeconds).toBe(7200);
    expect(summary.metrics.timeToResolveSeconds).toBeNull();
  });

  it('prefers the Date field for the date', () => {
    const text = doc('Service recovered.').replace('**Severity:**', '**Date:** 2024-04-30\n**Severity:**');
    expect(incidentSummary(analyze(text).postmortem!).date).toBe('2024-04-30');
  });

  it('an action item is done by its checkbox, else open', () => {
    expect(analyze(doc('x')).postmortem!.actionItems.map(actionStatus)).toEqual(['done', 'open']);
  });
});
