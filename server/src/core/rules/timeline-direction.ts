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
    const anchor = heading && heading.headingRange.end > heading.headingRange.start ? heading.headingRange : steps[0].timeRange;
    const marker = TIMELINE_MARKER(descending ? 'descending' : 'ascending');
    const lineEnd = text.indexOf('\n', anchor.end);
    const at = lineEnd < 0 ? text.length : lineEnd + 1;
    const eol = text[at - 2] === '\r' ? '\r\n' : '\n';
    report({
      range: anchor,
      message: `This timeline runs ${descending ? 'newest first' : 'oldest first'}; its order is checked that way. Say so in the file (${marker}) to keep it that way.`,
      fixes: [{ title: `Mark the timeline as ${descending ? 'newest first' : 'oldest first'}`, isPreferred: true, edits: [{ start: at, end: at, newText: lineEnd < 0 ? `${eol}${marker}${eol}` : `${marker}${eol}` }] }],
    });
  },
};
