import type { List, Paragraph, RootContent, Table } from 'mdast';
import { detached, plainText } from './text.js';
import { calendarDateOf, findZoneHint, parseTimestamp, toInstant, type CalendarDate, type TimestampParts } from '../time/index.js';
import type { Metadata, Range, Section, TimelineEntry } from '../types.js';
import { readEntryTime, type EntryTime } from './entry-text.js';
import { afterCheckbox } from './list-items.js';
import { lineAt } from './lines.js';

/** A time-only timeline with no date anywhere still has an order; compare it on an arbitrary day. */
const UNDATED_DAY: CalendarDate = { year: 2000, month: 1, day: 1 };
const TIME_COLUMN = /^(time|timestamp|date|when)\b/i;

/** One timeline entry of a block, or (in prose) a line that may name the zone for what follows. */
interface Reading {
  range: Range;
  time?: EntryTime;
  zone?: string;
}

const readingsByNode = new WeakMap<RootContent, Reading[]>();

const shifted = (range: Range, by: number): Range => ({ start: range.start + by, end: range.end + by });

/** Reads timeline entries in document order, carrying the date and zone forward. */
export class TimelineReader {
  readonly entries: TimelineEntry[] = [];
  private date: CalendarDate | undefined;
  private zone: string;
  /** Offset of the piece the current node was parsed in. */
  private shift = 0;

  constructor(
    private readonly text: string,
    metadata: Metadata,
    defaultZone: string,
  ) {
    this.zone = metadata.duration?.zone ?? defaultZone;
    const known = metadata.duration?.start ?? metadata.date?.value ?? null;
    if (known !== null) this.date = calendarDateOf(known, this.zone);
  }

  /** A timeline heading may name the zone ("Timeline (UTC)") or a day ("### June 11"). */
  heading(section: Section): void {
    this.zone = findZoneHint(section.title) ?? this.zone;
    const parts = parseTimestamp(section.title.trim());
    if (parts?.dateOnly && parts.day !== undefined) this.date = this.dateFrom(parts);
  }

  node(node: RootContent, shift: number, section: Section): void {
    if (!node.position) return;
    this.shift = shift;
    for (const reading of this.readingsOf(node)) {
      if (reading.time) this.add(section, shifted(reading.range, shift), { ...reading.time, timeRange: shifted(reading.time.timeRange, shift) });
      else if (reading.zone) this.zone = reading.zone;
    }
  }

  /**
   * What a block says, at offsets within its piece. An unchanged piece keeps its tree (ParseCache),
   * so after an edit only the edited piece's entries are read again; the date and zone they carry
   * forward are applied in `node`, every time.
   */
  private readingsOf(node: RootContent): Reading[] {
    let readings = readingsByNode.get(node);
    if (readings) return readings;
    readings = node.type === 'list' ? this.list(node) : node.type === 'table' ? this.table(node) : node.type === 'paragraph' ? this.paragraph(node) : [];
    for (const reading of readings) {
      reading.range = shifted(reading.range, -this.shift);
      if (reading.time) {
        // Kept as long as the node: not as views of this version of the document.
        const { timeText, rest, timeRange } = reading.time;
        const parts = reading.time.parts?.zone ? { ...reading.time.parts, zone: detached(reading.time.parts.zone) } : reading.time.parts;
        reading.time = { parts, timeRange: shifted(timeRange, -this.shift), timeText: detached(timeText), rest: detached(rest) };
      }
      if (reading.zone) reading.zone = detached(reading.zone);
    }
    readingsByNode.set(node, readings);
    return readings;
  }

  private list(list: List): Reading[] {
    return list.children.map((item) => {
      const body = item.children[0];
      const itemRange = this.range(item);
      if (!body?.position) return { range: itemRange, time: readEntryTime(this.text, itemRange.start, itemRange.end) };
      const bodyRange = this.range(body);
      bodyRange.start = afterCheckbox(this.text, item, bodyRange.start, bodyRange.end);
      return { range: itemRange, time: readEntryTime(this.text, bodyRange.start, bodyRange.end) };
    });
  }

  private table(table: Table): Reading[] {
    const [header, ...rows] = table.children;
    if (!header) return [];
    const found = header.children.findIndex((cell) => TIME_COLUMN.test(plainText(cell).trim()));
    const column = found < 0 ? 0 : found;
    const readings: Reading[] = [];
    for (const row of rows) {
      const cell = row.children[column];
      if (!cell?.position) continue;
      const cellRange = this.range(cell);
      const inner = this.trimCell(cellRange);
      const time = readEntryTime(this.text, inner.start, inner.end);
      const others = row.children.filter((_, i) => i !== column).map((c) => plainText(c).trim()).filter(Boolean);
      readings.push({ range: this.range(row), time: { ...time, rest: [time.rest, ...others].filter(Boolean).join(' | ') } });
    }
    return readings;
  }

  /** Prose lines: a zone hint, or lines that start with a time (an entry per line). */
  private paragraph(paragraph: Paragraph): Reading[] {
    const range = this.range(paragraph);
    const readings: Reading[] = [];
    let lineStart = range.start;
    while (lineStart < range.end) {
      const { lineEnd, next } = lineAt(this.text, lineStart, range.end);
      // In prose, "1500 requests failed" is a count, not 15:00.
      const time = readEntryTime(this.text, lineStart, lineEnd, false);
      const lineRange = { start: lineStart, end: lineEnd };
      if (time.parts) readings.push({ range: lineRange, time });
      else readings.push({ range: lineRange, zone: findZoneHint(this.text.slice(lineStart, Math.min(lineEnd, lineStart + 200))) });
      lineStart = next;
    }
    return readings;
  }

  private add(section: Section, range: Range, time: EntryTime): void {
    const parts = time.parts;
    const entry: TimelineEntry = {
      range,
      timeRange: time.timeRange,
      timeText: time.timeText,
      text: time.rest,
      instant: null,
      dateOnly: parts?.dateOnly ?? false,
      hasDate: parts?.day !== undefined,
      dateKnown: false,
      approximate: parts?.approximate ?? false,
      section,
    };
    if (parts) {
      const zone = parts.zone ?? this.zone;
      if (parts.day !== undefined) this.date = this.dateFrom(parts);
      entry.dateKnown = this.date !== undefined;
      entry.instant = toInstant(parts, this.date ?? UNDATED_DAY, zone);
    }
    this.entries.push(entry);
  }

  private dateFrom(parts: TimestampParts): CalendarDate {
    return { year: parts.year ?? this.date?.year ?? UNDATED_DAY.year, month: parts.month!, day: parts.day! };
  }

  private range(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): Range {
    return { start: node.position!.start.offset! + this.shift, end: node.position!.end.offset! + this.shift };
  }

  /** A table cell's range includes its pipes and padding. */
  private trimCell(range: Range): Range {
    let { start, end } = range;
    while (start < end && /[|\s]/.test(this.text[start])) start++;
    while (end > start && /[|\s]/.test(this.text[end - 1])) end--;
    return { start, end };
  }
}
