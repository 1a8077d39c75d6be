import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/index.js';

// The postmortem our user gave as the model of the format. It is not part of the project, so the
// test reads it only where it is present and says so loudly when it is not.
const REFERENCE = join(import.meta.dirname, '../../../shared/reference/example-postmortem.md');
const present = existsSync(REFERENCE);
if (!present) console.warn(`SKIPPED: reference postmortem not found at ${REFERENCE}`);

describe.skipIf(!present)('the reference postmortem', () => {
  it('gives zero problems with the default template', () => {
    const { problems } = analyze(readFileSync(REFERENCE, 'utf8'));
    expect(problems).toEqual([]);
  });

  it('is understood: title, duration, nine timeline entries in order, six tagged action items', () => {
    const { postmortem } = analyze(readFileSync(REFERENCE, 'utf8'));
    expect(postmortem?.title?.value).toBe('Postmortem: Database Outage and Recovery');
    expect(new Date(postmortem!.metadata.duration!.start!).toISOString()).toBe('2023-06-10T15:00:00.000Z');
    expect(new Date(postmortem!.metadata.duration!.end!).toISOString()).toBe('2023-06-10T17:30:00.000Z');
    const times = postmortem!.timeline.map((entry) => new Date(entry.instant!).toISOString().slice(11, 16));
    expect(times).toEqual(['15:00', '15:05', '15:15', '15:30', '15:45', '16:00', '16:30', '17:00', '17:30']);
    expect(postmortem!.actionItems.map((item) => item.tag)).toEqual(['Improvement', 'Improvement', 'Fix', 'Fix', 'TODO', 'TODO']);
  });
});
