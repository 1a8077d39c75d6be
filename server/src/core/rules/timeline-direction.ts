import type { Rule } from './rule.js';
import { TIMELINE_MARKER } from '../parse/timeline/direction.js';
import { timelineDirection, timelineSteps } from './timeline-steps.js';

export const timelineDirectionRule: Rule = {
  name: 'timeline-direction',
  description: 'The timeline runs the other way from the template’s order (newest first, say) and the file does not say so.',
  defaultSeverity: 'info',
  fixable: true,
  check({ postmortem, template, text, report }) {
    const steps = timelineSteps(postmortem);
    const { descending, inferred } = timelineDirection(postmortem, template, steps);
    if (!inferred) return;
    const heading = postmortem.allSections.find((s) => s.kind === 'timeline' && s.template) ?? steps[0]?.entry?.section;
    const marker = TIMELINE_MARKER(descending ? 'descending' : 'ascending');
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const title = `Mark the timeline as ${descending ? 'newest first' : 'oldest first'}`;
    const message = `This timeline runs ${descending ? 'newest first' : 'oldest first'}; its order is checked that way. Say so in the file (${marker}) to keep it that way.`;
    if (heading && heading.headingRange.end > heading.headingRange.start) {
      // On the line under the heading.
      const lineEnd = text.indexOf('\n', heading.headingRange.end);
      const at = lineEnd < 0 ? text.length : lineEnd + 1;
      report({ range: heading.headingRange, message, fixes: [{ title, isPreferred: true, edits: [{ start: at, end: at, newText: lineEnd < 0 ? `${eol}${marker}${eol}` : `${marker}${eol}` }] }] });
      return;
    }
    // No heading: above the list, a blank line apart. Below its first line it would split the list.
    const first = steps[0].range.start;
    const at = Math.max(text.lastIndexOf('\n', first - 1) + 1, 0);
    report({ range: steps[0].timeRange, message, fixes: [{ title, isPreferred: true, edits: [{ start: at, end: at, newText: `${marker}${eol}${eol}` }] }] });
  },
};
