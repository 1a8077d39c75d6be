// The report's data: incidents, monthly figures and open action items, from analysed files.
// Sorted so the same files always give the same report, byte for byte.
import { actionStatus, incidentSummary, positionOf, type ActionItem, type Postmortem } from '../../core/index.js';
import type { LintedFile } from '../lint-files.js';

export interface Incident {
  file: string;
  title: string | null;
  /** YYYY-MM-DD (UTC) of the incident's start or its Date line; null when the file names none. */
  date: string | null;
  severity: string | null;
  status: string | null;
  durationSeconds: number | null;
  timeToDetectSeconds: number | null;
  timeToMitigateSeconds: number | null;
  timeToResolveSeconds: number | null;
  actionItems: { open: number; total: number };
  problems: number;
}

export interface MonthFigures {
  /** YYYY-MM */
  month: string;
  incidents: number;
  /** Over the incidents of the month whose time to resolve is known. */
  medianTimeToResolveSeconds: number | null;
  p90TimeToResolveSeconds: number | null;
}

export interface OpenActionItem {
  file: string;
  line: number;
  tag: string | null;
  text: string;
  owner: string | null;
  /** YYYY-MM-DD */
  due: string | null;
  overdue: boolean;
}

export interface Report {
  /** The day overdue is measured against, YYYY-MM-DD. */
  today: string;
  incidents: Incident[];
  months: MonthFigures[];
  openActionItems: OpenActionItem[];
}

const DAY_MS = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Due before `today` (midnight UTC) and not done. */
export function isOverdue(item: ActionItem, todayMs: number): boolean {
  return actionStatus(item) === 'open' && typeof item.due?.value === 'number' && item.due.value < todayMs;
}

export function buildReport(files: readonly LintedFile[], today: Date): Report {
  const todayMs = Math.floor(today.getTime() / DAY_MS) * DAY_MS;
  const incidents: Incident[] = [];
  const openActionItems: OpenActionItem[] = [];
  for (const { file, analysis } of files) {
    const postmortem = analysis.postmortem;
    if (!postmortem) continue;
    incidents.push(incidentOf(file, postmortem, analysis.problems.length));
    for (const item of postmortem.actionItems) {
      if (actionStatus(item) !== 'open') continue;
      openActionItems.push({
        file,
        line: positionOf(postmortem.lineStarts, item.range.start).line + 1,
        tag: item.tag,
        text: item.text,
        owner: item.owner?.value ?? null,
        due: typeof item.due?.value === 'number' ? isoDate(item.due.value) : null,
        overdue: isOverdue(item, todayMs),
      });
    }
  }
  // Newest first; undated last; then by file, which is unique.
  incidents.sort((a, b) => compareDesc(a.date, b.date) || compare(a.file, b.file));
  // Soonest due first (overdue ones lead), undated last; then where they are.
  openActionItems.sort((a, b) => compareAsc(a.due, b.due) || compare(a.file, b.file) || a.line - b.line);
  return { today: isoDate(todayMs), incidents, months: monthsOf(incidents), openActionItems };
}

function incidentOf(file: string, postmortem: Postmortem, problems: number): Incident {
  const { title, date, severity, status, metrics } = incidentSummary(postmortem);
  const open = postmortem.actionItems.filter((item) => actionStatus(item) === 'open').length;
  return {
    file,
    title,
    date,
    severity,
    status,
    durationSeconds: metrics.durationSeconds,
    timeToDetectSeconds: metrics.timeToDetectSeconds,
    timeToMitigateSeconds: metrics.timeToMitigateSeconds,
    timeToResolveSeconds: metrics.timeToResolveSeconds,
    actionItems: { open, total: postmortem.actionItems.length },
    problems,
  };
}

/** Time to resolve per month: the resolve milestone, else the Duration's end (when the incident ended). */
function monthsOf(incidents: readonly Incident[]): MonthFigures[] {
  const byMonth = new Map<string, Incident[]>();
  for (const incident of incidents) {
    if (!incident.date) continue;
    const month = incident.date.slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), incident]);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => compare(b, a))
    .map(([month, list]) => {
      const resolve = list.map((i) => i.timeToResolveSeconds ?? i.durationSeconds).filter((v): v is number => v !== null).sort((a, b) => a - b);
      return { month, incidents: list.length, medianTimeToResolveSeconds: median(resolve), p90TimeToResolveSeconds: nearestRank(resolve, 0.9) };
    });
}

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

/** The nearest-rank percentile: a value that occurred, never an interpolation. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function compareAsc(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compare(a, b);
}
function compareDesc(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compare(b, a);
}
