// Incident metrics a reviewer looks for first, derived from the postmortem model. Pure.
import type { ActionItem, Postmortem, TimelineEntry } from './types.js';
import { parseTimestamp, toInstant, calendarDateOf } from './time/index.js';
import { readFieldsInText } from './parse/action-fields.js';

export type MilestoneKind = 'detect' | 'mitigate' | 'resolve';

export interface Milestone {
  /** Epoch milliseconds. */
  at: number;
  /** Milliseconds after the incident start; null when the start is unknown. */
  after: number | null;
  /** The timeline entry that names it, or the metadata line (`**Detected:** …`). */
  source: 'timeline' | 'metadata';
  /** Offset of the entry or metadata line, for jumping to it. */
  offset: number;
}

export interface IncidentMetrics {
  start: number | null;
  startSource: 'duration' | 'timeline' | null;
  end: number | null;
  endSource: 'duration' | 'timeline' | null;
  /** Milliseconds from start to end; null unless both are known. */
  duration: number | null;
  /** Whether start and end carry a real date (a time-only timeline has none). */
  dateKnown: boolean;
  detect: Milestone | null;
  mitigate: Milestone | null;
  resolve: Milestone | null;
}

// Each word in its forms ("PagerDuty pages the on-call", "paging", "paged"); a status or web page is not a page.
const KEYWORDS: Record<MilestoneKind, RegExp> = {
  detect: /\b(detect(s|ed|ing|ion)?|alert(s|ed|ing)?|(?<!(?:status|web|landing|error|wiki) )pag(e|es|ed|ing)|notic(e|es|ed|ing))\b/i,
  mitigate: /\b(mitigat(e|es|ed|ing|ion)|roll(s|ed|ing)? back|rollbacks?|rolled-back|workarounds?|(hot)?fix(es)? deployed|deployed (a |the )?(hot)?fix)\b/i,
  resolve: /\b(resolv(e|es|ed|ing)|resolution|all services|recover(s|ed|y)|operational|closed)\b/i,
};

/** A request, a plan or a decision is not the milestone itself ("rollback requested", "we will roll back"). */
const NOT_YET = /\b(request(s|ed|ing)?|plan(s|ned|ning)?|propos(e|es|ed|ing|al)|consider(s|ed|ing)?|discuss(es|ed|ing)?|decid(e|es|ed|ing)|prepar(e|es|ed|ing)|suggest(s|ed|ing)?|will|going to|about to|should|ask(s|ed|ing)? (for|to)|wait(s|ed|ing)? for)\b/i;

/** Whether a clause (up to `.`, `;`, `,` or a dash) names the milestone, not just a plan for it. */
export function namesMilestone(text: string, kind: MilestoneKind): boolean {
  return text.split(/[.;,!?]\s|\s[-–—]\s|[.;]$/).some((clause) => KEYWORDS[kind].test(clause) && !NOT_YET.test(clause));
}

/** Metadata keys that name a milestone directly. */
const META_KEYS: Record<MilestoneKind, string[]> = {
  detect: ['detected', 'detection', 'detected at'],
  mitigate: ['mitigated', 'mitigation', 'mitigated at'],
  resolve: ['resolved', 'resolution', 'resolved at'],
};

/** Entries that stand for a moment: readable, and not a bare date line. */
export function timedEntries(postmortem: Postmortem): (TimelineEntry & { instant: number })[] {
  return postmortem.timeline.filter((e): e is TimelineEntry & { instant: number } => e.instant !== null && !e.dateOnly);
}

export function computeMetrics(postmortem: Postmortem, defaultZone = 'UTC'): IncidentMetrics {
  const entries = timedEntries(postmortem);
  const duration = postmortem.metadata.duration;
  // Earliest and latest rather than first and last, so descending timelines work too.
  const earliest = entries.reduce<TimelineEntry | undefined>((a, e) => (!a || e.instant! < a.instant! ? e : a), undefined);
  const latest = entries.reduce<TimelineEntry | undefined>((a, e) => (!a || e.instant! >= a.instant! ? e : a), undefined);
  const start = duration?.start ?? earliest?.instant ?? null;
  const end = duration?.end ?? latest?.instant ?? null;
  const startSource = duration?.start != null ? 'duration' : earliest ? 'timeline' : null;
  const endSource = duration?.end != null ? 'duration' : latest ? 'timeline' : null;
  const dateKnown = startSource === 'duration' || postmortem.metadata.date?.value != null || (earliest?.dateKnown ?? false);
  const zone = duration?.zone ?? defaultZone;
  const milestone = (kind: MilestoneKind): Milestone | null => {
    const found = fromMetadata(postmortem, kind, start, zone) ?? fromTimeline(entries, kind);
    return found && { ...found, after: start === null ? null : found.at - start };
  };
  return {
    start,
    startSource,
    end,
    endSource,
    duration: start !== null && end !== null ? end - start : null,
    dateKnown,
    detect: milestone('detect'),
    mitigate: milestone('mitigate'),
    resolve: milestone('resolve'),
  };
}

function fromTimeline(entries: (TimelineEntry & { instant: number })[], kind: MilestoneKind): Omit<Milestone, 'after'> | null {
  const matching = entries.filter((e) => namesMilestone(e.text, kind)).sort((a, b) => a.instant - b.instant);
  // Detection and mitigation happen once, at the first mention; "resolved" is often said of parts before the whole.
  const entry = kind === 'resolve' ? matching.at(-1) : matching[0];
  return entry ? { at: entry.instant, source: 'timeline', offset: entry.range.start } : null;
}

function fromMetadata(postmortem: Postmortem, kind: MilestoneKind, start: number | null, zone: string): Omit<Milestone, 'after'> | null {
  for (const key of META_KEYS[kind]) {
    const located = postmortem.metadata.extra[key];
    if (!located) continue;
    const parts = parseTimestamp(located.value.trim());
    if (!parts || parts.dateOnly) continue;
    const at = toInstant(parts, start === null ? undefined : calendarDateOf(start, zone), zone);
    if (at !== null) return { at, source: 'metadata', offset: located.range.start };
  }
  return null;
}

// ---- action items ----

export interface ActionFields {
  /** As written: `@dana`, `Dana Smith`. */
  owner: string | null;
  /** A ticket key (`PAY-1423`) or a link. */
  ticket: { text: string; url: string | null } | null;
  /** The due date as written: `2024-06-01`, `June 1`. */
  due: string | null;
}

/** The fields of an action item's text, as written (the model's ActionItem carries them read from every shape). */
export function actionFields(item: Pick<ActionItem, 'text'> & Partial<Pick<ActionItem, 'owner' | 'ticket' | 'due' | 'shape'>>): ActionFields {
  const read = item.shape ? item : readFieldsInText(item.text, 0, null);
  return {
    owner: read.owner?.value ?? null,
    ticket: read.ticket ? { text: read.ticket.value, url: read.ticket.url ?? null } : null,
    due: read.due?.text ?? null,
  };
}
