import type { Rule } from './rule.js';
import { firstLine, quote } from './rule.js';

const NUMERIC_DATE = /^\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?$/;

export const timelineUnreadable: Rule = {
  name: 'timeline-unreadable',
  description: 'A timeline entry has no time that can be read (“TBD”, “??:??”, “X”).',
  defaultSeverity: 'warning',
  fixable: false,
  check({ postmortem, template, text, report }) {
    const numericDatesRead = (template.timeline.dateOrder ?? 'ymd') !== 'ymd';
    for (const entry of postmortem.timeline) {
      if (entry.instant !== null) continue;
      const written = entry.timeText.trim();
      const range = written ? entry.timeRange : firstLine(text, entry.range);
      let message = `This timeline entry has no time; start it with one, like 15:04 or 2023-06-10 15:04 UTC.`;
      if (written && !numericDatesRead && NUMERIC_DATE.test(written)) {
        message = `Can't tell which date ${quote(written)} is: write it as 2024-03-01, or set "timeline": {"dateOrder": "mdy"} (month first) or "dmy" (day first) in .postmortemrc.json.`;
      } else if (written) {
        message = `Can't read the time ${quote(written)} of this timeline entry; write it like 15:04, 3:04 PM or 2023-06-10 15:04 UTC.`;
      }
      report({ range, message });
    }
  },
};
