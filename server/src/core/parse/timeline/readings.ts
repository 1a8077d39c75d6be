// What one block of a timeline says, before the date and zone carried from earlier blocks apply.
import type { List, ListItem, Paragraph, RootContent, Table } from 'mdast';
import { plainText } from '../text.js';
import type { DateOrder } from '../../time/index.js';
import { findZoneHintReading } from '../../time/index.js';
import type { Range } from '../../types.js';
import { readEntryTime, type EntryTime } from '../entry-text.js';
import { afterCheckbox } from '../list-items.js';
import { lineAt } from '../lines.js';

export type Reading =
  /** A timeline entry (its time may be unreadable). */
  | { kind: 'entry'; range: Range; time: EntryTime }
  /** A date on its own line: it dates what follows. */
  | { kind: 'date'; range: Range; time: EntryTime }
  /** A line that names the zone for what follows ("All times in EEST"). */
  | { kind: 'zone'; range: Range; zone: string; ambiguous?: string };

type Span = { start: number; end: number };
export type NodeRange = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }) => Range;

const TIME_COLUMN = /^(time|timestamp|when)\b/i;
const DATE_COLUMN = /^(date|day)\b/i;
const ANY_TIME_COLUMN = /^(time|timestamp|date|when)\b/i;
/** `- **Timeline**:` / `- Key events:` bullets whose sub-list is the timeline. */
const TIMELINE_LABEL = /^[*_]{0,2}(?:timeline|key events|sequence of events|chronology|events|incident timeline)[*_]{0,2}\s*(?:\([^()]{0,60}\))?\s*:?[*_]{0,2}\s*$/i;
const BREAK = /<br\s*\/?>/gi;

export class BlockReader {
  constructor(
    private readonly text: string,
    private readonly range: NodeRange,
    private readonly dateOrder: DateOrder,
  ) {}

  read(node: RootContent): Reading[] {
    if (node.type === 'list') return this.list(node);
    if (node.type === 'table') return this.table(node);
    if (node.type === 'paragraph') return this.paragraph(node);
    return [];
  }

  /** In a section that is not the timeline: the sub-lists of `- **Timeline**:` bullets. */
  labelledTimelines(node: RootContent): Reading[] {
    if (node.type !== 'list') return [];
    const readings: Reading[] = [];
    for (const item of node.children) {
      const nested = this.labelledSubList(item);
      if (nested) readings.push(...this.labelContext(item.children[0]), ...this.list(nested));
    }
    return readings;
  }

  /** A paragraph that introduces the list below it as the timeline ("Timeline:", "**Key events**"). */
  introducesTimeline(node: RootContent): boolean {
    return node.type === 'paragraph' && TIMELINE_LABEL.test(plainText(node).trim());
  }

  /** Items of a list, and how many start with a time of day (a list parsed in pieces sums its pieces). */
  timedItems(node: RootContent): { items: number; timed: number } {
    if (node.type !== 'list') return { items: 0, timed: 0 };
    const timed = node.children.filter((item) => {
      const parts = this.itemTime(item).time.parts;
      return parts !== null && !parts.dateOnly;
    }).length;
    return { items: node.children.length, timed };
  }

  private entryTime(start: number, end: number, allowBareHHMM = true): EntryTime {
    return readEntryTime(this.text, start, end, allowBareHHMM, this.dateOrder);
  }

  private itemTime(item: ListItem): { time: EntryTime; range: Range } {
    const body = item.children[0];
    const itemRange = this.range(item);
    if (!body?.position) return { range: itemRange, time: this.entryTime(itemRange.start, itemRange.end) };
    const bodyRange = this.range(body);
    bodyRange.start = afterCheckbox(this.text, item, bodyRange.start, bodyRange.end);
    return { range: itemRange, time: this.entryTime(bodyRange.start, bodyRange.end) };
  }

  private labelledSubList(item: ListItem): List | undefined {
    const [first, second] = item.children;
    if (first?.type !== 'paragraph' || second?.type !== 'list') return undefined;
    return TIMELINE_LABEL.test(plainText(first).trim()) || TIMELINE_LABEL.test(this.source(first).trim()) ? second : undefined;
  }

  /** "**Key events** (UTC, 2024-10-02):": the zone and the day the label gives its sub-list. */
  private labelContext(label: RootContent): Reading[] {
    const range = this.range(label);
    const readings: Reading[] = [];
    const hint = findZoneHintReading(plainText(label));
    if (hint) readings.push({ kind: 'zone', range, ...hint });
    const end = Math.min(range.end, range.start + 120);
    for (let i = range.start; i < end; i++) {
      if (/[\p{L}\p{N}]/u.test(this.text[i - 1] ?? '')) continue;
      const time = this.entryTime(i, end, false);
      if (time.parts?.dateOnly && time.parts.day !== undefined) {
        readings.push({ kind: 'date', range: time.timeRange, time });
        break;
      }
    }
    return readings;
  }

  private source(node: RootContent): string {
    const range = this.range(node);
    return this.text.slice(range.start, Math.min(range.end, range.start + 80));
  }

  /**
   * Items are entries (each decided on its own: a long list is parsed in pieces, and a piece must
   * read as it does in the whole list). A sub-list is read too where it is a
   * timeline of its own: under a date bullet, under `**Timeline**:`, or where its items are timed.
   */
  private list(list: List): Reading[] {
    const items = list.children.map((item) => ({ item, ...this.itemTime(item) }));
    const readings: Reading[] = [];
    for (const { item, range, time } of items) {
      const nested = item.children.find((child): child is List => child.type === 'list');
      const labelled = this.labelledSubList(item);
      if (labelled) {
        readings.push(...this.labelContext(item.children[0]), ...this.list(labelled));
        continue;
      }
      readings.push({ kind: 'entry', range, time });
      if (!nested) continue;
      const dated = time.parts?.dateOnly === true;
      const sub = this.list(nested);
      if (dated || sub.some((r) => r.kind === 'entry' && r.time.parts)) {
        readings.push(...sub.filter((r) => dated || r.kind !== 'entry' || r.time.parts));
      }
    }
    return readings;
  }

  /** Rows are entries; the time is in the Time column and the Date column, or the first. */
  private table(table: Table): Reading[] {
    const [header, ...rows] = table.children;
    if (!header) return [];
    const titles = header.children.map((cell) => plainText(cell).trim());
    const timeColumn = titles.findIndex((t) => TIME_COLUMN.test(t));
    const dateColumn = titles.findIndex((t) => DATE_COLUMN.test(t));
    const split = timeColumn >= 0 && dateColumn >= 0 && timeColumn !== dateColumn;
    const found = titles.findIndex((t) => ANY_TIME_COLUMN.test(t));
    const column = timeColumn >= 0 ? timeColumn : found < 0 ? 0 : found;
    const readings: Reading[] = [];
    // "Time (UTC)" in the header dates every row.
    const hint = findZoneHintReading(titles[column] ?? '');
    if (hint) readings.push({ kind: 'zone', range: this.range(header), ...hint });
    for (const row of rows) {
      const cell = row.children[column];
      if (!cell?.position) continue;
      let time = this.cellTime(cell);
      const dateCell = split ? row.children[dateColumn] : undefined;
      if (dateCell?.position) time = this.withDate(this.cellTime(dateCell), time);
      const skip = new Set([column, split ? dateColumn : -1]);
      const others = row.children.filter((_, i) => !skip.has(i)).map((c) => plainText(c).trim()).filter(Boolean);
      // A row with a date and nothing else dates the rows below it.
      if (time.parts?.dateOnly && others.length === 0 && cleanProse(time.rest) === '') {
        readings.push({ kind: 'date', range: this.range(row), time });
        continue;
      }
      readings.push({ kind: 'entry', range: this.range(row), time: { ...time, rest: [time.rest, ...others].filter(Boolean).join(' | ') } });
    }
    return readings;
  }

  private cellTime(cell: RootContent | Table['children'][number]['children'][number]): EntryTime {
    const inner = this.trimCell(this.range(cell));
    return this.entryTime(inner.start, inner.end);
  }

  /** A Date cell's day and a Time cell's time of day, as one reading. */
  private withDate(date: EntryTime, time: EntryTime): EntryTime {
    if (!date.parts) return time;
    // The Date column holds the time too.
    if (!date.parts.dateOnly) return date;
    // An empty Time cell leaves the row dated to the day; "TBD" there stays unreadable.
    if (!time.parts) return time.timeless ? date : time;
    if (time.parts.day !== undefined) return time;
    const { year, month, day } = date.parts;
    const parts = { ...time.parts, month, day, ...(year !== undefined && { year }) };
    return { ...time, parts, timeText: `${date.timeText} ${time.timeText}` };
  }

  /** A table cell's range includes its pipes and padding. */
  private trimCell(range: Range): Range {
    let { start, end } = range;
    while (start < end && /[|\s]/.test(this.text[start])) start++;
    while (end > start && /[|\s]/.test(this.text[end - 1])) end--;
    return { start, end };
  }

  /**
   * Prose: an entry starts at a line start or after a `<br>` with a time; the lines after it that
   * start with none are its text ("14:05" alone, then what happened). A date alone dates what
   * follows; before any entry, a line may name the zone.
   */
  private paragraph(paragraph: Paragraph): Reading[] {
    const readings: Reading[] = [];
    let open: Extract<Reading, { kind: 'entry' }> | undefined;
    for (const segment of this.segments(this.range(paragraph))) {
      // In prose, "1500 requests failed" is a count, not 15:00.
      const time = this.entryTime(segment.start, segment.end, false);
      if (time.parts) {
        const rest = cleanProse(time.rest);
        if (time.parts.dateOnly && rest === '') {
          readings.push({ kind: 'date', range: segment, time });
          open = undefined;
          continue;
        }
        open = { kind: 'entry', range: { ...segment }, time: { ...time, rest } };
        readings.push(open);
      } else if (open) {
        open.range.end = segment.end;
        open.time.rest = [open.time.rest, cleanProse(this.text.slice(segment.start, segment.end))].filter(Boolean).join(' ');
      } else {
        const hint = findZoneHintReading(this.text.slice(segment.start, Math.min(segment.end, segment.start + 200)));
        if (hint) readings.push({ kind: 'zone', range: segment, ...hint });
      }
    }
    return readings;
  }

  /** Lines of a paragraph, each split after its `<br>` tags. */
  private segments(range: Range): Span[] {
    const spans: Span[] = [];
    let lineStart = range.start;
    while (lineStart < range.end) {
      const { lineEnd, next } = lineAt(this.text, lineStart, range.end);
      let start = lineStart;
      const line = this.text.slice(lineStart, lineEnd);
      if (line.includes('<')) {
        for (const match of line.matchAll(BREAK)) {
          const end = lineStart + match.index!;
          if (end > start) spans.push({ start, end });
          start = end + match[0].length;
          while (start < lineEnd && /[ \t]/.test(this.text[start])) start++;
        }
      }
      if (lineEnd > start) spans.push({ start, end: lineEnd });
      lineStart = next;
    }
    return spans;
  }
}

/** An entry's prose without its line-break markup. */
function cleanProse(text: string): string {
  return text.replace(BREAK, ' ').replace(/\\$/, '').replace(/\s+/g, ' ').trim();
}
