import { BAD, endsToken, isLetter, isSpace, readLetters, skipSpaces, startsWithWord, type Bad } from './chars.js';
import { readClock, type Clock } from './clock.js';
import { readDate, readWeekday, readWeekdayName, type Day } from './date-parts.js';
import type { DateOrder, ParseOptions, TimestampParts } from './types.js';
import { readZoneAt } from './zones.js';

/** One point in time as written, before it becomes TimestampParts. */
interface Moment {
  date?: Day;
  clock?: Clock;
  zone?: string;
  ambiguousZone?: string;
  weekday?: number;
  approximate: boolean;
  start: number;
  end: number;
}

export interface Reading {
  start: TimestampParts;
  end: TimestampParts | null;
  /** The zone written last (the range end's, else the start's): it applies to the whole reading. */
  zone?: string;
}

const APPROX_MARKS = new Set(['~', '≈', '∼']);
const APPROX_WORDS = new Set(['approx', 'approximately', 'circa', 'ca', 'about', 'around', 'roughly']);
const RANGE_DASHES = new Set(['-', '–', '—', '−', '→']);
const RANGE_WORDS = new Set(['to', 'until', 'till', 'through', 'thru']);

/** "~", "approx. ", "circa ": returns where the timestamp proper starts (i when there is no marker). */
function readApprox(s: string, i: number): number {
  if (APPROX_MARKS.has(s[i])) return skipSpaces(s, i + 1);
  const word = readLetters(s, i, 13);
  if (!APPROX_WORDS.has(word.toLowerCase())) return i;
  let j = i + word.length;
  const dotted = s[j] === '.';
  if (dotted) j++;
  const k = skipSpaces(s, j);
  return k > j || dotted ? k : i;
}

/** "15:00ish", "15:00-ish". */
function readIsh(s: string, i: number): number {
  const j = s[i] === '-' ? i + 1 : i;
  return s.slice(j, j + 3).toLowerCase() === 'ish' && !isLetter(s[j + 3]) ? j + 3 : i;
}

/** " (Sat)", " Sat", ", Saturday" after a time: the weekday it names and where it ends. */
function readTrailingWeekday(s: string, i: number): { weekday: number; end: number } | null {
  let j = skipSpaces(s, s[i] === ',' ? i + 1 : i, 2);
  if (j === i) return null;
  const open = s[j] === '(';
  if (open) j++;
  const name = readWeekdayName(s, j);
  if (!name) return null;
  let end = name.end;
  if (s[end] === '.') end++;
  if (open) {
    if (s[end] !== ')') return null;
    end++;
  } else if (isLetter(s[end])) return null;
  return { weekday: name.weekday, end };
}

function readTimed(s: string, i: number, allowBareHHMM: boolean, isoT: boolean, start: number, approximate: boolean): Moment | Bad | null {
  const clock = readClock(s, i, allowBareHHMM);
  if (clock === null || clock === BAD) return clock;
  const ish = readIsh(s, clock.end);
  const zone = readZoneAt(s, ish, isoT);
  const moment: Moment = { clock, zone: zone?.zone, approximate: approximate || ish > clock.end, start, end: zone?.end ?? ish };
  if (zone?.ambiguous) moment.ambiguousZone = zone.ambiguous;
  const weekday = readTrailingWeekday(s, moment.end);
  if (weekday) {
    moment.weekday = weekday.weekday;
    moment.end = weekday.end;
  }
  return moment;
}

// Where a time was meant but not known: "2024-05-12 ??:??", "2024-05-12 TBD", "XX:XX".
const TIME_PLACEHOLDER = /^(?:[?xX]{1,2}[:.][?xX0-9]{1,2}|[?xX]{1,3}|TBD|TBC|HH[:.]MM|--[:.]--)(?![\p{L}\p{N}])/iu;

/** Whether a time placeholder starts at i. */
export function placeholderTimeAt(s: string, i: number): boolean {
  return TIME_PLACEHOLDER.test(s.slice(i, i + 8));
}

/** Where the time after a date starts: "T", " ", ", ", " at ", " @ ", "/" (2024-03-01/09:05). */
function timeAfterDate(s: string, date: Day): number | null {
  const k = date.end;
  if (date.iso && (s[k] === 'T' || (s[k] === '/' && s[k + 1] >= '0' && s[k + 1] <= '9'))) return k + 1;
  const j = skipSpaces(s, s[k] === ',' ? k + 1 : k);
  if (j === k) return null;
  if (startsWithWord(s, j, 'at') || s[j] === '@') {
    const word = s[j] === '@' ? 1 : 2;
    const t = skipSpaces(s, j + word);
    return t > j + word ? t : null;
  }
  return j;
}

function readMoment(s: string, i: number, allowBareHHMM: boolean, order: DateOrder): Moment | Bad | null {
  let j = readApprox(s, i);
  const approximate = j > i;
  const weekday = readWeekday(s, j);
  if (weekday !== null) j = weekday.next;
  const date = readDate(s, j, order);
  if (date === BAD) return BAD;
  if (!date) {
    // A weekday with a time ("Fri 11:10") names the day only relative to the dates around it.
    const timed = readTimed(s, j, allowBareHHMM || weekday !== null, false, i, approximate);
    if (timed && timed !== BAD && weekday) timed.weekday = weekday.weekday;
    return timed;
  }
  const dateOnly: Moment = { date, approximate, start: i, end: date.end };
  if (weekday) dateOnly.weekday = weekday.weekday;
  // "2024-06-08 (Saturday)".
  const trailing = readTrailingWeekday(s, date.end);
  if (trailing) {
    dateOnly.weekday = trailing.weekday;
    dateOnly.end = trailing.end;
  }
  let t = trailing ? null : timeAfterDate(s, date);
  if (t === null) return dateOnly;
  if (placeholderTimeAt(s, t)) return BAD;
  // "2024-03-11 ~08:15": the approximation may sit between the date and the time.
  const approxAt = readApprox(s, t);
  const roughly = approxAt > t;
  t = approxAt;
  const isoT = date.iso && s[date.end] === 'T';
  // After a date, four digits are a time ("2024-03-01 0905"), not a count.
  const timed = readTimed(s, t, !isoT, isoT, i, approximate || roughly);
  if (timed === BAD) return BAD;
  if (!timed) return isoT ? null : dateOnly;
  return { ...timed, date, weekday: timed.weekday ?? dateOnly.weekday };
}

/** " - 15:10", "–02:50:54", " to June 11 01:00": the end must be of the same kind as the start. */
function readRangeEnd(s: string, first: Moment, order: DateOrder): Moment | null {
  let j = skipSpaces(s, first.end);
  const spaced = j > first.end;
  const word = readLetters(s, j, 7);
  if (RANGE_DASHES.has(s[j])) j += s[j] === '-' && s[j + 1] === '>' ? 2 : 1;
  else if (spaced && RANGE_WORDS.has(word.toLowerCase()) && isSpace(s[j + word.length])) j += word.length;
  else return null;
  const last = readMoment(s, skipSpaces(s, j), false, order);
  if (last === null || last === BAD || !last.clock !== !first.clock || !endsToken(s, last.end)) return null;
  return last;
}

/** " on 2023-06-10" after a time-only start. */
function readOnDate(s: string, i: number, order: DateOrder): Day | Bad | null {
  const j = skipSpaces(s, i);
  if (j === i || !startsWithWord(s, j, 'on')) return null;
  let k = skipSpaces(s, j + 2);
  if (k === j + 2) return null;
  k = readWeekday(s, k)?.next ?? k;
  return readDate(s, k, order);
}

function toParts(m: Moment, length: number, zone: string | undefined): TimestampParts {
  const parts: TimestampParts = { approximate: m.approximate, dateOnly: !m.clock, length };
  if (m.date) {
    if (m.date.year !== undefined) parts.year = m.date.year;
    parts.month = m.date.month;
    parts.day = m.date.day;
  }
  if (m.clock) {
    parts.hour = m.clock.hour;
    parts.minute = m.clock.minute;
    if (m.clock.second !== undefined) parts.second = m.clock.second;
    if (m.clock.millisecond !== undefined) parts.millisecond = m.clock.millisecond;
  }
  if (zone !== undefined) parts.zone = zone;
  if (m.ambiguousZone !== undefined && zone === m.zone) parts.ambiguousZone = m.ambiguousZone;
  if (m.weekday !== undefined) parts.weekday = m.weekday;
  return parts;
}

/** Reads a timestamp (and an optional range end) starting exactly at i. */
export function readTimestamp(s: string, i: number, allowBareHHMM: boolean, order: DateOrder = 'ymd'): Reading | null {
  const first = readMoment(s, i, allowBareHHMM, order);
  if (first === null || first === BAD) return null;
  const last = readRangeEnd(s, first, order);
  let end = last?.end ?? first.end;
  if (!first.date && first.clock) {
    const on = readOnDate(s, end, order);
    if (on === BAD) return null;
    if (on) {
      first.date = on;
      end = on.end;
    }
  }
  if (!endsToken(s, end)) return null;
  const zone = last?.zone ?? first.zone;
  return {
    start: toParts(first, end - i, first.zone ?? last?.zone),
    end: last ? toParts(last, last.end - last.start, last.zone) : null,
    zone,
  };
}

export function parseTimestamp(text: string, options?: ParseOptions): TimestampParts | null {
  return readTimestamp(text, 0, options?.allowBareHHMM ?? false, options?.dateOrder)?.start ?? null;
}
