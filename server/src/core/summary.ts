import type { Analysis } from './analyze.js';
import type { Postmortem, Problem, Range } from './types.js';
import { positionOf } from './parse/lines.js';
import { computeLineStarts } from './parse/lines.js';
import { computeMetrics, type Milestone } from './metrics.js';

/** The machine-readable view of an analysis: 1-based lines and columns, as the CLI's JSON prints it. */
export interface ProblemReport {
  rule: string;
  severity: Problem['severity'];
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
}

export interface PostmortemReport {
  title: string | null;
  sections: { title: string; level: number; line: number }[];
  timeline: { line: number; text: string; time: string | null; precision: 'day' | 'minute' | 'second' | null; zone: string | null }[];
  actionItems: ActionItemReport[];
  metrics: MetricsReport;
}

/** One action item, whatever shape it was written in; fields the document does not give are null. */
export interface ActionItemReport {
  line: number;
  tag: string | null;
  text: string;
  shape: 'list' | 'table';
  owner: string | null;
  ticket: string | null;
  ticketUrl: string | null;
  /** YYYY-MM-DD; null when none is written or it cannot be read (then dueText says what was written). */
  due: string | null;
  dueText: string | null;
  status: 'open' | 'done' | null;
}

/** Times as `isoTime` prints them; spans in whole seconds. */
export interface MetricsReport {
  start: string | null;
  end: string | null;
  durationSeconds: number | null;
  timeToDetectSeconds: number | null;
  timeToAcknowledgeSeconds: number | null;
  timeToMitigateSeconds: number | null;
  timeToResolveSeconds: number | null;
}

export function reportProblems(text: string, problems: Problem[], lineStarts = computeLineStarts(text)): ProblemReport[] {
  return problems.map((problem) => {
    const { start, end } = toLineColumns(lineStarts, problem.range);
    return {
      rule: problem.rule,
      severity: problem.severity,
      message: problem.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      fixable: problem.fixes.length > 0,
    };
  });
}

export function toLineColumns(lineStarts: number[], range: Range): { start: { line: number; column: number }; end: { line: number; column: number } } {
  const start = positionOf(lineStarts, range.start);
  const end = positionOf(lineStarts, range.end);
  return { start: { line: start.line + 1, column: start.character + 1 }, end: { line: end.line + 1, column: end.character + 1 } };
}

export function reportPostmortem(postmortem: Postmortem): PostmortemReport {
  const line = (offset: number) => positionOf(postmortem.lineStarts, offset).line + 1;
  return {
    title: postmortem.title?.value ?? null,
    sections: postmortem.allSections.map((section) => ({ title: section.title, level: section.level, line: line(section.headingRange.start) })),
    timeline: postmortem.timeline.map((entry) => ({
      line: line(entry.range.start),
      text: entry.text,
      time: isoTime(entry.instant, entry.dateKnown, entry.yearKnown),
      precision: entry.precision,
      zone: entry.zone,
    })),
    actionItems: postmortem.actionItems.map((item) => ({
      line: line(item.range.start),
      tag: item.tag,
      text: item.text,
      shape: item.shape ?? 'list',
      owner: item.owner?.value ?? null,
      ticket: item.ticket?.value ?? null,
      ticketUrl: item.ticket?.url ?? null,
      due: item.due?.value == null ? null : new Date(item.due.value).toISOString().slice(0, 10),
      dueText: item.due?.text ?? null,
      status: item.status ?? null,
    })),
    metrics: reportMetrics(postmortem),
  };
}

export function reportMetrics(postmortem: Postmortem, m = computeMetrics(postmortem)): MetricsReport {
  const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : Math.round(ms / 1000));
  const after = (milestone: Milestone | null) => seconds(milestone?.after);
  return {
    start: isoTime(m.start, m.dateKnown),
    end: isoTime(m.end, m.dateKnown),
    durationSeconds: seconds(m.duration),
    timeToDetectSeconds: after(m.detect),
    timeToAcknowledgeSeconds: after(m.acknowledge),
    timeToMitigateSeconds: after(m.mitigate),
    timeToResolveSeconds: after(m.resolve),
  };
}

/**
 * ISO 8601: a full instant when the date is known, the time of day alone (e.g. "15:00:00Z") when
 * it is not, and without the year ("--06-10T15:00:00.000Z") when only the year is unknown.
 */
export function isoTime(instant: number | null, dateKnown: boolean, yearKnown = true): string | null {
  if (instant === null) return null;
  const iso = new Date(instant).toISOString();
  if (!dateKnown) return iso.slice(11, 19) + 'Z';
  return yearKnown ? iso : '--' + iso.slice(5);
}

export function reportAnalysis(analysis: Analysis, text: string) {
  return {
    problems: reportProblems(text, analysis.problems, analysis.postmortem?.lineStarts),
    postmortem: analysis.postmortem ? reportPostmortem(analysis.postmortem) : null,
  };
}
