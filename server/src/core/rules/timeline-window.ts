import type { Rule } from './rule.js';

// The Duration is usually written to the minute; an entry at 17:30:20 is still "at 17:30".
const END_GRACE_MS = 60_000;

export const timelineWindow: Rule = {
  name: 'timeline-window',
  description: 'A timeline entry falls outside the Duration the document declares, or the Duration ends before it starts.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ postmortem, report }) {
    const duration = postmortem.metadata.duration;
    if (!duration || duration.start === null || duration.end === null) return;
    if (duration.end < duration.start) {
      const hint = duration.endHasDate ? '' : ' If it ended the next day, write the end date too.';
      report({ range: duration.range, message: `Duration ends before it starts: ${duration.text}.${hint}` });
      return;
    }
    for (const entry of postmortem.timeline) {
      if (entry.instant === null || entry.dateOnly || !entry.dateKnown) continue;
      const before = entry.instant < duration.start;
      const after = entry.instant > duration.end + END_GRACE_MS;
      if (!before && !after) continue;
      report({
        range: entry.timeRange,
        message: `${entry.timeText} is ${before ? 'before the start' : 'after the end'} of the Duration (${duration.text}); widen the Duration or check the time.`,
        related: [{ range: duration.range, message: 'Declared Duration' }],
      });
    }
  },
};
