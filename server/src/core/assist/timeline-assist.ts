// Timeline facts an editor shows while the author writes: time between entries, the total
// Duration, and the zone and style a new entry's time should use.
import type { DurationMeta, Postmortem, Range, Section, Template, TimelineEntry } from '../types.js';
import { findZoneHint, parseTimestamp, zoneOffsetMinutes } from '../time/index.js';
import type { WallTime } from './format-time.js';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

export interface EntryTiming {
  entry: TimelineEntry;
  /** The first timed entry, unless it is this one. */
  first?: TimelineEntry;
  /** The nearest timed entry above this one. */
  previous?: TimelineEntry;
  sinceFirst?: number;
  sincePrevious?: number;
}

/** An entry that stands for a moment: readable, and not a bare date line. */
export function isTimed(entry: TimelineEntry): entry is TimelineEntry & { instant: number } {
  return entry.instant !== null && !entry.dateOnly;
}

const contains = (range: Range, offset: number) => range.start <= offset && offset <= range.end;

/** Timing of the entry whose time is at `offset`. */
export function entryTimingAt(postmortem: Postmortem, offset: number): EntryTiming | undefined {
  const index = postmortem.timeline.findIndex((entry) => contains(entry.timeRange, offset));
  const entry = postmortem.timeline[index];
  if (!entry || !isTimed(entry)) return undefined;
  const timed = postmortem.timeline.filter(isTimed);
  const first = timed[0] === entry ? undefined : timed[0];
  let previous: TimelineEntry | undefined;
  for (let i = index - 1; i >= 0 && !previous; i--) if (isTimed(postmortem.timeline[i])) previous = postmortem.timeline[i];
  return {
    entry,
    first,
    previous,
    sinceFirst: first ? entry.instant - first.instant! : undefined,
    sincePrevious: previous ? entry.instant - previous.instant! : undefined,
  };
}

/** The Duration line at `offset`, with its total in milliseconds when both ends are readable. */
export function durationAt(postmortem: Postmortem, offset: number): { duration: DurationMeta; total: number | null } | undefined {
  const duration = postmortem.metadata.duration;
  if (!duration || !contains(duration.range, offset)) return undefined;
  const total = duration.start !== null && duration.end !== null ? duration.end - duration.start : null;
  return { duration, total };
}

/** "2h 30m", "1h 05m", "15m", "45s", "1d 3h 05m"; with `signed`, a leading + or -. */
export function formatElapsed(ms: number, signed = false): string {
  const sign = signed ? (ms < 0 ? '-' : '+') : ms < 0 ? '-' : '';
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 60 && seconds > 0) return `${sign}${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  const days = Math.floor(minutes / DAY_MINUTES);
  const hours = Math.floor((minutes % DAY_MINUTES) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${sign}${days}d ${hours}h ${String(rest).padStart(2, '0')}m`;
  if (hours > 0) return `${sign}${hours}h ${String(rest).padStart(2, '0')}m`;
  return `${sign}${rest}m`;
}

/** Wall-clock fields of an instant at a fixed offset (minutes east of UTC). */
export function wallTime(instant: number, offsetMinutes: number): WallTime {
  const d = new Date(instant + offsetMinutes * MINUTE);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/**
 * The UTC offset (minutes) a new entry written at `at` should use: the one the sample entry was
 * read in (a named zone when one fits, so daylight saving is followed), else the timeline's zone.
 */
export function timelineOffsetAt(postmortem: Postmortem, template: Template, section: Section | undefined, sample: TimelineEntry | undefined, at: number): { offset: number; zone?: string } {
  const candidates = [
    sample && parseTimestamp(sample.timeText, { allowBareHHMM: true })?.zone,
    section && findZoneHint(section.title),
    postmortem.metadata.duration?.zone,
    template.timeline.defaultTimeZone,
  ].filter((zone): zone is string => typeof zone === 'string');
  const written = sample ? sampleOffset(sample) : undefined;
  if (written === undefined) {
    for (const zone of candidates) {
      const offset = zoneOffsetMinutes(zone, at);
      if (offset !== undefined) return { offset, zone };
    }
    return { offset: 0, zone: 'UTC' };
  }
  const zone = candidates.find((candidate) => zoneOffsetMinutes(candidate, sample!.instant!) === written);
  return zone ? { offset: zoneOffsetMinutes(zone, at)!, zone } : { offset: written };
}

/** The offset at which the sample's wall-clock time equals its instant. */
function sampleOffset(sample: TimelineEntry): number | undefined {
  if (sample.instant === null) return undefined;
  const parts = parseTimestamp(sample.timeText, { allowBareHHMM: true });
  if (parts?.hour === undefined) return undefined;
  const wall = parts.hour * 60 + (parts.minute ?? 0);
  const utc = Math.floor((sample.instant - (parts.second ?? 0) * 1000 - (parts.millisecond ?? 0)) / MINUTE);
  let diff = (((wall - utc) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  // -10:00 (Hawaii) and +13:00 (New Zealand summer) are the likelier readings of the ambiguous ends.
  if (diff > 13 * 60) diff -= DAY_MINUTES;
  return diff;
}
