import type { Rule } from './rule.js';
import type { TimelineEntry } from '../types.js';
import { moveIntoOrderFix } from '../fixes/move-entry.js';

export const timelineOrder: Rule = {
  name: 'timeline-order',
  description: 'A timeline entry is earlier than the one before it (later, for templates whose timeline is newest first).',
  defaultSeverity: 'error',
  fixable: true,
  check({ postmortem, template, report }) {
    const descending = template.timeline.order === 'descending';
    let previous: TimelineEntry | undefined;
    let dateBetween = false;
    for (const entry of postmortem.timeline) {
      if (entry.dateOnly) {
        dateBetween = true;
        continue;
      }
      if (entry.instant === null) continue;
      // Only the previous entry counts, so one typo gives one problem, not a cascade.
      if (previous && (descending ? entry.instant > previous.instant! : entry.instant < previous.instant!)) {
        const direction = descending ? 'forwards (this timeline is newest first)' : 'backwards';
        const hint = !entry.hasDate && !dateBetween ? ` If this happened on a later day, add the date${nextDayExample(entry, previous)}.` : '';
        report({
          range: entry.timeRange,
          message: `Timeline goes ${direction}: ${entry.timeText} comes after ${previous.timeText} on the entry above.${hint}`,
          related: [{ range: previous.timeRange, message: `Previous entry: ${previous.timeText}` }],
          fixes: [moveIntoOrderFix(postmortem, entry, previous, descending)].filter((fix) => fix !== undefined),
        });
      }
      previous = entry;
      dateBetween = false;
    }
  },
};

/** " (for example “2024-05-15 00:10”)" from the previous entry's day + 1, when that day is known. */
function nextDayExample(entry: TimelineEntry, previous: TimelineEntry): string {
  if (!previous.dateKnown || entry.instant === null) return '';
  const day = new Date(previous.instant! + 86_400_000).toISOString().slice(0, 10);
  return ` (for example “${day} ${entry.timeText}”)`;
}
