import type { MilestoneName, TemplateMilestone, TimelineEntry } from '../types.js';
import type { Rule } from './rule.js';
import { quote } from './rule.js';
import { NOT_YET, timedEntries } from '../metrics.js';

const compiled = new WeakMap<TemplateMilestone, RegExp>();

/** Each word matches at a word start with any ending: "detect" is detected, detection; "on-call join" is on-call joined. */
function patternOf(milestone: TemplateMilestone): RegExp {
  let pattern = compiled.get(milestone);
  // Stryker disable next-line ConditionalExpression: a cache; compiling again gives the same pattern
  if (!pattern) {
    const words = milestone.words.map((w) => w.trim().split(/\s+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
    pattern = new RegExp(`(?<![\\w-])(?:${words.join('|')})[\\w'-]*`, 'i');
    compiled.set(milestone, pattern);
  }
  return pattern;
}

/** Whether an entry names the milestone in a clause that is not a plan for it ("rollback requested"). */
export function entryNames(text: string, milestone: TemplateMilestone): boolean {
  return text.split(/[.;,!?]\s|\s[-–—]\s|[.;]$/).some((clause) => patternOf(milestone).test(clause) && !NOT_YET.test(clause));
}

const PAST: Record<MilestoneName, string> = { detected: 'detected', acknowledged: 'acknowledged', mitigated: 'mitigated', resolved: 'resolved' };

export const timelineMilestones: Rule = {
  name: 'timeline-milestones',
  description: 'The timeline does not show when the incident was detected, acknowledged, mitigated and resolved, or shows them out of that order.',
  defaultSeverity: 'info',
  fixable: false,
  check({ postmortem, template, report }) {
    const milestones = template.milestones ?? [];
    const entries = timedEntries(postmortem);
    // Without readable times there is no order to check; the timeline rules say what is wrong.
    if (milestones.length === 0 || entries.length === 0) return;
    const chronological = [...entries].sort((a, b) => a.instant - b.instant);
    const section = postmortem.allSections.find((s) => s.kind === 'timeline');
    const anchor = section?.headingRange ?? postmortem.timeline[0].range;
    let previous: { milestone: TemplateMilestone; entry: TimelineEntry & { instant: number } } | undefined;
    for (const milestone of milestones) {
      const naming = chronological.filter((entry) => entryNames(entry.text, milestone));
      // Parts recover before the whole: resolution is the last mention, the others the first.
      const entry = milestone.name === 'resolved' ? naming.at(-1) : naming[0];
      if (!entry) {
        report({
          range: anchor,
          message: `The timeline does not say when the incident was ${PAST[milestone.name]}: add an entry that says so (${milestone.words.slice(0, 4).map(quote).join(', ')}…).`,
        });
        continue;
      }
      if (previous && entry.instant < previous.entry.instant) {
        report({
          // Stryker disable next-line ConditionalExpression: when the entry starts with its time, both ranges are the same
          range: entry.range.start === entry.timeRange.start ? entry.timeRange : { start: entry.range.start, end: entry.timeRange.end },
          message: `The incident is ${PAST[milestone.name]} here (${entry.timeText}), before it was ${PAST[previous.milestone.name]} (${previous.entry.timeText}): check the times, or the order of the template's milestones.`,
          related: [{ range: previous.entry.range, message: `${PAST[previous.milestone.name]} here` }],
        });
      }
      previous = { milestone, entry };
    }
  },
};
