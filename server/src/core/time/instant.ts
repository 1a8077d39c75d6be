import { ianaFormatter } from './iana.js';
import type { CalendarDate, TimestampParts } from './types.js';
import { parseZone } from './zones.js';

const FIXED = /^([+-])(\d{2}):(\d{2})$/;

function intlOffset(zone: string, atUtcMs: number): number | undefined {
  const formatter = ianaFormatter(zone);
  if (!formatter) return undefined;
  const at = Math.floor(atUtcMs / 1000) * 1000;
  const f: Record<string, number> = {};
  for (const part of formatter.formatToParts(at)) if (part.type !== 'literal') f[part.type] = Number(part.value);
  const wall = utcFromFields(f.year, f.month, f.day, f.hour % 24, f.minute, f.second, 0);
  return Math.round((wall - at) / 60_000);
}

/** Offset in minutes east of UTC of a zone at a UTC instant; undefined for an unknown zone. */
export function zoneOffsetMinutes(zone: string, atUtcMs: number): number | undefined {
  if (!Number.isFinite(atUtcMs)) return undefined;
  if (zone === 'UTC') return 0;
  const fixed = FIXED.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
  // Written forms ("PST", "Eastern") first: Intl reads "CET" as a DST zone, but written CET means +01:00.
  if (!zone.includes('/')) {
    const canonical = parseZone(zone);
    if (canonical !== undefined && canonical !== zone) return zoneOffsetMinutes(canonical, atUtcMs);
  }
  return intlOffset(zone, atUtcMs);
}

/** Date.UTC without its 0-99 → 1900s year quirk. */
function utcFromFields(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  // Date.UTC allocates nothing: it runs for every timeline entry on every keystroke.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the Date path gives the same for every year; it only allocates.
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}

/**
 * Turns parts into epoch milliseconds. Missing year/month/day come from `base`; a date-only part is midnight.
 * Zone: parts.zone, else `defaultZone`. Null without a full date, or for an unknown zone.
 */
export function toInstant(parts: TimestampParts, base: CalendarDate | undefined, defaultZone: string): number | null {
  const year = parts.year ?? base?.year;
  const month = parts.month ?? base?.month;
  const day = parts.day ?? base?.day;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a shortcut; a missing field makes the wall time NaN, which reads as null too
  if (year === undefined || month === undefined || day === undefined) return null;
  const zone = parts.zone ?? defaultZone;
  const wall = utcFromFields(year, month, day, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, parts.millisecond ?? 0);
  return fromWallTime(zone, wall);
}

const DAY_MS = 86_400_000;

/**
 * The instant a wall time (read as UTC) names in `zone`, disambiguated as Temporal's "compatible"
 * does: a wall time that occurs twice at fall-back is its first occurrence; one skipped by
 * spring-forward is read with the offset before the change, so 02:30 is 03:30 after it.
 */
function fromWallTime(zone: string, wall: number): number | null {
  // Offsets change at most once within a day either side: these are the only candidates.
  const before = zoneOffsetMinutes(zone, wall - DAY_MS);
  const after = zoneOffsetMinutes(zone, wall + DAY_MS);
  if (before === undefined || after === undefined) return null;
  if (before === after) return wall - before * 60_000;
  const valid = [before, after].filter((offset) => zoneOffsetMinutes(zone, wall - offset * 60_000) === offset).map((offset) => wall - offset * 60_000);
  return valid.length ? Math.min(...valid) : wall - before * 60_000;
}

/** The calendar date (in the given zone) of an instant; an unknown zone reads as UTC. */
export function calendarDateOf(instantMs: number, zone: string): CalendarDate {
  const offset = zoneOffsetMinutes(zone, instantMs) ?? 0;
  const d = new Date(instantMs + offset * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
