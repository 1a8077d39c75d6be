import type { Rule } from './rule.js';
import type { TimelineEntry } from '../types.js';

export const timelineOrder: Rule = {
  name: 'timeline-order',
  description: 'A timeline entry is earlier than the one before it (later, for templates whose timeline is newest first).',
  defaultSeverity: 'error',
  fixable: false,
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
        const hint = !entry.hasDate && !dateBetween ? ' If this happened on a later day, add the date (for example “2023-06-11 00:10”).' : '';
        report({
          range: entry.timeRange,
          message: `Timeline goes ${direction}: ${entry.timeText} comes after ${previous.timeText} on the entry above.${hint}`,
          related: [{ range: previous.timeRange, message: `Previous entry: ${previous.timeText}` }],
        });
      }
      previous = entry;
      dateBetween = false;
    }
  },
};
