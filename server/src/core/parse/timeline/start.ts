// Where a timeline's first date, year and zone come from when its entries do not say.
import { calendarDateOf, findZoneHintReading, parseTimestamp, type CalendarDate } from '../../time/index.js';
import type { Metadata, Postmortem } from '../../types.js';

export interface TimelineStart {
  zone: string;
  /** The day time-only entries fall on until one says otherwise. */
  date?: CalendarDate;
  /** The day the Duration ends: where a newest-first timeline starts. */
  endDate?: CalendarDate;
  /** The year of dates written without one. */
  year?: number;
}

const DAY_MS = 86_400_000;

const YEAR = /(?:^|[^\d])((?:19|20)\d{2})(?!\d)/;
const ISO_DAY = /((?:19|20)\d{2})-(\d{2})-(\d{2})/;
const FRONT_MATTER_ZONE_KEYS = ['timezone', 'time zone', 'time_zone', 'tz', 'zone'];

/** A date (or a year) in a title like "Incident report May 12 2025" or a name like 2025-05-12-dns.md. */
function dateIn(text: string | undefined): { date?: CalendarDate; year?: number } {
  if (!text) return {};
  const iso = ISO_DAY.exec(text);
  if (iso) return { date: { year: +iso[1], month: +iso[2], day: +iso[3] }, year: +iso[1] };
  for (let i = 0; i < Math.min(text.length, 200); i++) {
    if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1])) continue;
    const parts = parseTimestamp(text.slice(i, i + 60));
    if (parts?.year !== undefined && parts.day !== undefined) return { date: { year: parts.year, month: parts.month!, day: parts.day }, year: parts.year };
  }
  const year = YEAR.exec(text);
  return year ? { year: +year[1] } : {};
}

/**
 * The zone: the Duration's, front matter's `timezone:`, else the template's. The date and year:
 * the Duration, front matter `date:`, the title, the file name, in that order.
 */
export function timelineStart(metadata: Metadata, postmortem: Pick<Postmortem, 'title' | 'frontMatter'>, defaultZone: string, fileName?: string): TimelineStart {
  const frontMatterZone = FRONT_MATTER_ZONE_KEYS.map((key) => metadata.extra[key]?.value).find(Boolean);
  const zone = metadata.duration?.zone ?? (frontMatterZone && findZoneHintReading(`(${frontMatterZone})`)?.zone) ?? defaultZone;
  const known = metadata.duration?.start ?? metadata.date?.value ?? null;
  const declared = known !== null ? calendarDateOf(known, zone) : undefined;
  const title = dateIn(postmortem.title?.value);
  const file = dateIn(fileName?.split(/[\\/]/).pop());
  const date = declared ?? title.date ?? file.date;
  const year = date?.year ?? title.year ?? file.year;
  const { start, end, endHasDate } = metadata.duration ?? {};
  // "23:40 - 01:10": an end without its own date before the start is the next morning.
  const ends = start != null && end != null ? end + (end < start && !endHasDate ? DAY_MS : 0) : null;
  const endDate = ends !== null ? calendarDateOf(ends, zone) : undefined;
  return { zone, ...(date && { date }), ...(endDate && { endDate }), ...(year !== undefined && { year }) };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day + days);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 (Sunday) to 6. */
export function weekdayOf(date: CalendarDate): number {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  return d.getUTCDay();
}
