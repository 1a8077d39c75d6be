// The timeline as a reviewer checks its order: entries and dates written on their own, each as the
// span its precision gives (a day, a minute, a second), and the direction it runs in.
import type { Postmortem, Range, Template, TimelineEntry } from '../types.js';

export interface Step {
  range: Range;
  timeRange: Range;
  timeText: string;
  start: number;
  end: number;
  entry?: TimelineEntry;
}

const SPAN = { day: 86_400_000, minute: 60_000, second: 1_000 } as const;
/** Below this many steps a timeline's direction is not inferred from them. */
const MIN_STEPS = 3;

// Several rules read the same model's steps: built once per model (8,600 entries of 1 MB on every keystroke).
const stepsOf = new WeakMap<Postmortem, readonly Step[]>();

/** The model's steps in document order; shared by the rules that ask, so never changed. */
export function timelineSteps(postmortem: Postmortem): readonly Step[] {
  let steps = stepsOf.get(postmortem);
  // Stryker disable next-line ConditionalExpression: building them again is slower, not different.
  if (!steps) stepsOf.set(postmortem, (steps = readSteps(postmortem)));
  return steps;
}

function readSteps(postmortem: Postmortem): Step[] {
  const steps: Step[] = [];
  for (const entry of postmortem.timeline) {
    if (entry.instant === null || entry.precision === null) continue;
    steps.push({ range: entry.range, timeRange: entry.timeRange, timeText: entry.timeText, start: entry.instant, end: entry.instant + SPAN[entry.precision], entry });
  }
  for (const mark of postmortem.timelineDates) {
    steps.push({ range: mark.range, timeRange: mark.range, timeText: mark.text, start: mark.instant, end: mark.instant + SPAN.day });
  }
  return steps.sort((a, b) => a.range.start - b.range.start);
}

/** Whether `step` is wholly before `previous` (after, for a newest-first timeline). */
export function goesBack(step: Step, previous: Step, descending: boolean): boolean {
  return descending ? step.start >= previous.end : step.end <= previous.start;
}

export interface Direction {
  descending: boolean;
  /** The timeline runs against the order the template gives, and the file does not say so. */
  inferred: boolean;
}

/** The file's declared order wins; else the template's, unless most steps run the other way. */
export function timelineDirection(postmortem: Postmortem, template: Template, steps: readonly Step[]): Direction {
  if (postmortem.timelineDirection) return { descending: postmortem.timelineDirection.order === 'descending', inferred: false };
  const descending = template.timeline.order === 'descending';
  let against = 0;
  let along = 0;
  for (let i = 1; i < steps.length; i++) {
    if (goesBack(steps[i], steps[i - 1], descending)) against++;
    else if (goesBack(steps[i], steps[i - 1], !descending)) along++;
  }
  const inferred = against >= MIN_STEPS - 1 && against > along * 2;
  return { descending: inferred ? !descending : descending, inferred };
}
