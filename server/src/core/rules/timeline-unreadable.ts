import type { Rule } from './rule.js';
import { firstLine, quote } from './rule.js';

export const timelineUnreadable: Rule = {
  name: 'timeline-unreadable',
  description: 'A timeline entry has no time that can be read (“TBD”, “??:??”, “X”).',
  defaultSeverity: 'warning',
  fixable: false,
  check({ postmortem, text, report }) {
    for (const entry of postmortem.timeline) {
      if (entry.instant !== null) continue;
      const written = entry.timeText.trim();
      const range = written ? entry.timeRange : firstLine(text, entry.range);
      report({
        range,
        message: written
          ? `Can't read the time ${quote(written)} of this timeline entry; write it like 15:04, 3:04 PM or 2023-06-10 15:04 UTC.`
          : `This timeline entry has no time; start it with one, like 15:04 or 2023-06-10 15:04 UTC.`,
      });
    }
  },
};
