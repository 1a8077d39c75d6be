import type { Rule } from './rule.js';
import { quote } from './rule.js';
import { hasContent } from './section-content.js';

const SHAPES = '`- 14:05 UTC: …` list items, `| Time | Event |` table rows, `### 14:05` headings or lines that start with a time';

export const timelineEmpty: Rule = {
  name: 'timeline-empty',
  description: 'A Timeline section has content, but no timeline entry could be read from it.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ postmortem, text, report }) {
    for (const section of postmortem.allSections) {
      if (section.kind !== 'timeline' || !section.template) continue;
      const { start, end } = section.bodyRange;
      const inside = (range: { start: number }) => range.start >= section.range.start && range.start < section.range.end;
      if (postmortem.timeline.some((e) => inside(e.range)) || postmortem.timelineDates.some((d) => inside(d.range))) continue;
      if (!hasContent(text.slice(start, Math.min(end, start + 100_000)), section.template.placeholder?.trim())) continue;
      report({
        range: section.headingRange,
        message: `No timeline entry could be read in ${quote(section.title)}. Entries are ${SHAPES}.`,
      });
    }
  },
};
