import type { RootContent } from 'mdast';
import { detached } from '../text.js';
import { AMBIGUOUS_ABBREVIATIONS, findZoneHintReading, parseZone, toInstant, type CalendarDate, type TimestampParts } from '../../time/index.js';
import type { Range, Section, TimelineDateMark, TimelineEntry, TimelineSettings } from '../../types.js';
import type { EntryTime } from '../entry-text.js';
import { readEntryTime } from '../entry-text.js';
import { BlockReader, type Reading } from './readings.js';
import { addDays, weekdayOf, type TimelineStart } from './start.js';

/** A timeline with no date anywhere still has an order; compare it on a stand-in day (a leap year). */
const UNDATED_DAY: CalendarDate = { year: 2000, month: 1, day: 1 };
const HEADING_MARKS = /^[ \t]{0,3}#{1,6}[ \t]+/;

// With the date order they were read in: a template or config change re-checks a document with the
// same cache, and 03/04 read day-first must be read again month-first.
type KeptReadings = { dateOrder: string; readings: Reading[] };
const readingsByNode = new WeakMap<RootContent, KeptReadings>();
const labelledByNode = new WeakMap<RootContent, KeptReadings>();

const shifted = (range: Range, by: number): Range => ({ start: range.start + by, end: range.end + by });

/** A reading kept with its node: offsets within the piece, strings copied out of the document. */
function kept(reading: Reading, by: number): Reading {
  const range = shifted(reading.range, by);
  if (reading.kind === 'zone') return { ...reading, range, zone: detached(reading.zone) };
  const { parts, timeText, rest, timeRange, timeless, note } = reading.time;
  const keptParts = parts?.zone ? { ...parts, zone: detached(parts.zone) } : parts;
  const time: EntryTime = { parts: keptParts, timeRange: shifted(timeRange, by), timeText: detached(timeText), rest: detached(rest) };
  if (timeless) time.timeless = true;
  if (note) time.note = true;
  return { ...reading, range, time };
}

/** Hours of the clock: a late-evening entry followed by an early-morning one is probably the next day. */
const minutesOfDay = (parts: TimestampParts) => (parts.hour ?? 0) * 60 + (parts.minute ?? 0);
function crossesMidnight(previous: number, current: number): boolean {
  return previous >= 18 * 60 && current < 7 * 60;
}

/** Reads timeline entries in document order, carrying the date, year and zone forward. */
export class TimelineReader {
  readonly entries: TimelineEntry[] = [];
  readonly dates: TimelineDateMark[] = [];
  private date: CalendarDate;
  private dateKnown: boolean;
  private yearKnown: boolean;
  private zone: string;
  /** The date came from a date written on its own, with no timed entry since: time-less items take it. */
  private dayContext = false;
  /** Time of day of the last timed entry, unless a date was written since. */
  private lastClock: number | undefined;
  /** Offset of the piece the current node was parsed in. */
  private shift = 0;
  /** A heading that is an entry ("### 14:05"): time-less items below it are its text. */
  private headingEntry: Section | undefined;
  private readonly blocks: BlockReader;

  constructor(
    private readonly text: string,
    start: TimelineStart,
    private readonly settings: TimelineSettings,
    private readonly order: 'ascending' | 'descending',
  ) {
    this.zone = start.zone;
    // Newest first, the first entry is nearest the incident's end: its date is the one to start from.
    const first = order === 'descending' ? (start.endDate ?? start.date) : start.date;
    this.date = first ?? { ...UNDATED_DAY, year: start.year ?? UNDATED_DAY.year };
    this.dateKnown = start.date !== undefined;
    this.yearKnown = start.year !== undefined;
    this.blocks = new BlockReader(text, (node) => this.range(node), settings.dateOrder ?? 'ymd');
  }

  /**
   * A timeline heading may name the zone ("Timeline (UTC)"), a day ("### June 11", which dates
   * what follows), or be an entry itself ("### 14:05", its prose below).
   */
  heading(section: Section, entryEnd: number): void {
    const hint = this.zoneOf(section.title);
    const lineEnd = this.text.indexOf('\n', section.headingRange.start);
    const end = Math.min(section.headingRange.end, lineEnd < 0 ? section.headingRange.end : lineEnd);
    const marks = HEADING_MARKS.exec(this.text.slice(section.headingRange.start, end));
    const start = section.headingRange.start + (marks?.[0].length ?? 0);
    const time = readEntryTime(this.text, start, end, true, this.settings.dateOrder);
    this.headingEntry = undefined;
    if (!time.parts || section.template) {
      if (hint) this.zone = hint;
      return;
    }
    if (time.parts.dateOnly) {
      if (hint && !time.parts.zone) this.zone = hint;
      this.mark(section.headingRange, time);
      return;
    }
    const below = this.text.slice(section.headingRange.end, Math.min(entryEnd, section.headingRange.end + 300)).trim().split('\n')[0];
    this.add(section, { start: section.headingRange.start, end: entryEnd }, { ...time, rest: time.rest || below.trim() }, time.timeRange);
    this.headingEntry = section;
  }

  /** A block of the timeline section. */
  node(node: RootContent, shift: number, section: Section): void {
    if (!node.position) return;
    this.shift = shift;
    this.apply(this.cached(readingsByNode, node, () => this.blocks.read(node)), shift, section);
  }

  /** A block of another section: only `- **Timeline**:` sub-lists are entries there. */
  labelled(node: RootContent, shift: number, section: Section): void {
    if (!node.position || node.type !== 'list') return;
    this.shift = shift;
    this.apply(this.cached(labelledByNode, node, () => this.blocks.labelledTimelines(node)), shift, section);
  }

  /**
   * Lists outside any timeline section that are clearly one: "Timeline:" above them, or at least 3
   * items, two thirds of them timed. `run` is the blocks of one list (a long one is parsed in pieces).
   */
  looksLikeTimeline(run: { node: RootContent; shift: number }[], previous: RootContent | undefined): boolean {
    if (previous !== undefined && this.blocks.introducesTimeline(previous)) return true;
    let items = 0;
    let timed = 0;
    for (const { node, shift } of run) {
      this.shift = shift;
      const counts = this.blocks.timedItems(node);
      items += counts.items;
      timed += counts.timed;
    }
    return timed >= 3 && timed * 3 >= items * 2;
  }

  // Runs for every reading on every keystroke: the kept reading's time is passed as is, with its
  // range moved beside it, rather than spread into a moved copy.
  private apply(readings: Reading[], shift: number, section: Section): void {
    for (const reading of readings) {
      if (reading.kind === 'zone') {
        this.zone = this.resolve(reading.zone, reading.ambiguous).zone;
        continue;
      }
      const time = reading.time;
      if (section === this.headingEntry && time.timeless) continue;
      if (reading.kind === 'date') this.mark(shifted(reading.range, shift), time);
      else this.add(section, shifted(reading.range, shift), time, shifted(time.timeRange, shift));
    }
  }

  /**
   * What a block says, at offsets within its piece. An unchanged piece keeps its tree (ParseCache),
   * so after an edit only the edited piece's blocks are read again; the date and zone they carry
   * forward are applied every time.
   */
  private cached(map: WeakMap<RootContent, KeptReadings>, node: RootContent, read: () => Reading[]): Reading[] {
    const dateOrder = this.settings.dateOrder ?? 'ymd';
    const found = map.get(node);
    if (found?.dateOrder === dateOrder) return found.readings;
    const readings = read().map((reading) => kept(reading, -this.shift));
    map.set(node, { dateOrder, readings });
    return readings;
  }

  private zoneOf(title: string): string | undefined {
    const hint = findZoneHintReading(title);
    return hint && this.resolve(hint.zone, hint.ambiguous).zone;
  }

  /** An ambiguous abbreviation follows the template's zoneAliases; without one, says how it was read. */
  private resolve(zone: string, ambiguous: string | undefined): { zone: string; note?: string } {
    if (!ambiguous) return { zone };
    const alias = this.settings.zoneAliases?.[ambiguous] ?? this.settings.zoneAliases?.[ambiguous.toUpperCase()];
    // An IANA name stays as the author spelled it (Intl may call Asia/Kolkata "Asia/Calcutta").
    if (alias) return { zone: alias.includes('/') && parseZone(alias) ? alias : (parseZone(alias) ?? alias) };
    return { zone, note: `${ambiguous} was read as ${AMBIGUOUS_ABBREVIATIONS.get(ambiguous)}; set "timeline": {"zoneAliases": {"${ambiguous}": "…"}} to read it otherwise` };
  }

  private mark(range: Range, time: EntryTime): void {
    const parts = time.parts!;
    this.setDate(parts);
    this.dayContext = true;
    this.lastClock = undefined;
    const instant = toInstant(parts, this.date, parts.zone ?? this.zone);
    if (instant !== null) this.dates.push({ range, text: time.timeText, instant });
  }

  private setDate(parts: TimestampParts): void {
    if (parts.day === undefined) return;
    if (parts.year !== undefined) this.yearKnown = true;
    this.date = { year: parts.year ?? this.date.year, month: parts.month!, day: parts.day };
    this.dateKnown = true;
  }

  /** `time` as read, `timeRange` where its time is in this text. */
  private add(section: Section, range: Range, time: EntryTime, timeRange: Range): void {
    const entry: TimelineEntry = {
      range,
      timeRange,
      timeText: time.timeText,
      text: time.rest,
      instant: null,
      dateOnly: false,
      hasDate: false,
      dateKnown: false,
      approximate: false,
      precision: null,
      zone: null,
      yearKnown: false,
      section,
    };
    let parts = time.parts;
    if (!parts && time.timeless) {
      // An item with no time under a date line is an entry of that day; a labelled one elsewhere
      // ("**Summary**:") is a note beside the timeline, not an entry.
      if (this.dayContext) parts = { dateOnly: true, approximate: false, length: 0 };
      else if (time.note) return;
    }
    this.entries.push(entry);
    if (!parts) return;
    const { zone, note } = this.resolve(parts.zone ?? this.zone, parts.zone ? parts.ambiguousZone : undefined);
    if (note) entry.zoneNote = note;
    if (parts.day !== undefined) this.setDate(parts);
    else if (!parts.dateOnly) this.inferDay(parts, entry);
    entry.dateOnly = parts.dateOnly;
    entry.hasDate = parts.day !== undefined;
    entry.dateKnown = this.dateKnown;
    entry.yearKnown = this.dateKnown && this.yearKnown;
    entry.approximate = parts.approximate;
    entry.zone = zone;
    entry.precision = parts.dateOnly ? 'day' : parts.second !== undefined ? 'second' : 'minute';
    entry.instant = toInstant(parts, this.date, zone);
    if (parts.dateOnly) {
      this.dayContext = true;
      this.lastClock = undefined;
    } else {
      this.dayContext = false;
      this.lastClock = minutesOfDay(parts);
    }
  }

  /**
   * A time without a date: the weekday beside it, or a step back across midnight, moves the day on;
   * newest first, a step forward across midnight moves it back.
   */
  private inferDay(parts: TimestampParts, entry: TimelineEntry): void {
    const descending = this.order === 'descending';
    if (parts.weekday !== undefined && this.dateKnown && this.yearKnown) {
      const ahead = (parts.weekday - weekdayOf(this.date) + 7) % 7;
      if (ahead > 0) this.date = addDays(this.date, descending ? ahead - 7 : ahead);
      return;
    }
    if (this.lastClock === undefined) return;
    const clock = minutesOfDay(parts);
    if (!descending && crossesMidnight(this.lastClock, clock)) {
      this.date = addDays(this.date, 1);
      entry.nextDay = true;
    } else if (descending && crossesMidnight(clock, this.lastClock)) {
      this.date = addDays(this.date, -1);
      entry.previousDay = true;
    }
  }

  private range(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Range {
    return { start: node.position!.start.offset! + this.shift, end: node.position!.end.offset! + this.shift };
  }
}
