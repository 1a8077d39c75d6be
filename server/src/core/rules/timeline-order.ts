import type { Rule } from './rule.js';
import { goesBack, timelineDirection, timelineSteps, type Step } from './timeline-steps.js';
import { moveIntoOrderFix } from '../fixes/move-entry.js';

export const timelineOrder: Rule = {
  name: 'timeline-order',
  description: 'A timeline entry is earlier than the one before it (later, for timelines that run newest first), or a time-only entry goes back across midnight.',
  defaultSeverity: 'error',
  fixable: true,
  check({ postmortem, template, report }) {
    const steps = timelineSteps(postmortem);
    const { descending } = timelineDirection(postmortem, template, steps);
    const reported = new Set<Step>();
    const flag = (step: Step, message: string, other: Step, moves?: [Step, Step]) => {
      if (reported.has(step)) return;
      reported.add(step);
      // "Move this entry into time order": the later of the two back where it belongs, or the earlier forward.
      const [later, earlier] = moves ?? [];
      const move = later?.entry && earlier?.entry ? moveIntoOrderFix(postmortem, later.entry, earlier.entry, descending) : undefined;
      report({ range: step.timeRange, message, related: [{ range: other.timeRange, message: `${other.range.start < step.range.start ? 'Previous' : 'Next'} entry: ${other.timeText}` }], fixes: move ? [move] : [] });
    };
    const direction = descending ? 'forwards (this timeline is newest first)' : 'backwards';
    for (let i = 1; i < steps.length; i++) {
      const step = steps[i];
      const previous = steps[i - 1];
      const next = steps[i + 1];
      if (step.entry?.nextDay || step.entry?.previousDay) {
        const day = new Date(step.start).toISOString().slice(0, 10);
        const example = step.entry.yearKnown ? `“${day} ${step.timeText}”` : `the date before the time`;
        const read = step.entry.nextDay ? 'is earlier than' : 'is later than';
        const as = step.entry.nextDay ? 'the next day' : 'the day before (this timeline is newest first)';
        flag(step, `${step.timeText} ${read} ${previous.timeText} above: read as ${as}. If it is, write the date (${example}); if not, check the time.`, previous);
        continue;
      }
      if (!goesBack(step, previous, descending)) continue;
      // One typo is one finding: an entry later than both its neighbours is the odd one out.
      const previousIsOdd = next !== undefined && goesBack(next, previous, descending) && (i < 2 || !goesBack(step, steps[i - 2], descending));
      if (previousIsOdd) {
        flag(previous, `Timeline goes ${direction} after ${previous.timeText}: it is later than the entries around it (${step.timeText} follows). Check its time.`, step, [step, previous]);
      } else {
        flag(step, `Timeline goes ${direction}: ${step.timeText} comes after ${previous.timeText} on the entry above.${step.entry?.zoneNote ? ` (${step.entry.zoneNote}.)` : ''}`, previous, [step, previous]);
      }
    }
  },
};
