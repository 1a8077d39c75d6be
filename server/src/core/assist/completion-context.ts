// What an editor can offer at the cursor: incident fields and their values (field-completion.ts),
// section headings the document lacks, action-item tags, and a time for a new timeline entry,
// written like the entries above it: the time of the entry above (or the Duration's start) first,
// since a postmortem is written hours after the events, and the current time second.
import type { Postmortem, Range, Section, SectionKind, Template, TimelineEntry } from '../types.js';
import type { TemplateEntry } from '../template-index.js';
import { lineOf } from '../parse/lines.js';
import { missingSections } from './missing-sections.js';
import { formatTimeLike } from './format-time.js';
import { isTimed, timelineOffsetAt, wallTime } from './timeline-assist.js';
import { fieldCompletionAt, type FieldCompletion } from './field-completion.js';

export type CompletionContext =
  /** `range` is the line so far (the hashes and any title typed). */
  | { kind: 'heading'; range: Range; typed: string; sections: TemplateEntry[] }
  /** `range` is what was typed after the list marker. */
  | { kind: 'tag'; range: Range; typed: string; tags: string[] }
  /** Replace `range` with one of `choices` (the first is the default); `text` and `zone` are the current time's. */
  | { kind: 'time'; range: Range; typed: string; text: string; zone?: string; choices: TimeChoice[] }
  | FieldCompletion;

export interface TimeChoice {
  /** Where the time comes from: the entry above, the Duration's start, or the clock. */
  source: 'above' | 'start' | 'now';
  text: string;
  /** Where the time itself is inside `text` (an editor puts its tab stop there). */
  time: Range;
}

const HEADING_PREFIX = /^(#{1,6})(?:[ \t]+[^#]*)?$/;
const LIST_PREFIX = /^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)(\S*)$/;
const LIST_MARKER = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;
// What follows a time before the entry text: ":** ", " - ", "**: ", ") ".
const AFTER_TIME = /^[*_`\]\s]*(?:[:|\-–—]+|\)\s*:?)?[*_`\s]*/;
const TIME_COLUMN = /^(time|timestamp|date|when)\b/i;
const DEFAULT_SAMPLE = '15:45';

export function completionContextAt(postmortem: Postmortem, template: Template, offset: number, now: number = Date.now()): CompletionContext | undefined {
  const { text } = postmortem;
  if (offset < 0 || offset > text.length) return undefined;
  const line = lineOf(postmortem.lineStarts, offset);
  const lineStart = postmortem.lineStarts[line];
  const lineEnd = lineEndAt(text, lineStart);
  const prefix = text.slice(lineStart, offset);
  const field = fieldCompletionAt(postmortem, template, offset, lineStart, prefix);
  if (field) return field;
  const frontMatter = postmortem.frontMatter?.range;
  if (frontMatter && offset >= frontMatter.start && offset <= frontMatter.end) return undefined;

  if (HEADING_PREFIX.test(prefix)) {
    const sections = missingSections(postmortem, template);
    return sections.length ? { kind: 'heading', range: { start: lineStart, end: offset }, typed: prefix, sections } : undefined;
  }
  const section = sectionAt(postmortem, lineStart);
  const kind = section && kindOf(section);
  const list = LIST_PREFIX.exec(prefix);
  if (list && kind === 'actions' && /^\*{0,2}[\w-]*$/.test(list[2])) {
    const typed = list[2];
    return { kind: 'tag', range: { start: offset - typed.length, end: offset }, typed, tags: [...template.tags] };
  }
  if (kind !== 'timeline') return undefined;
  const here = { start: lineStart, end: lineEnd };
  if (list && /^\*{0,2}$/.test(list[2])) {
    const typed = list[2];
    const sample = sampleEntry(postmortem, here, (entry) => !isTableRow(text, entry));
    const { offset: zoneOffset, zone } = timelineOffsetAt(postmortem, template, section, sample, now);
    const time = formatTimeLike(sample?.timeText ?? DEFAULT_SAMPLE, wallTime(now, zoneOffset));
    const [lead, trail] = sample ? listDecoration(text, sample) : ['**', ':** '];
    const choices = timeChoices(postmortem, template, section, sample, here, time, lead, trail);
    return { kind: 'time', range: { start: offset - typed.length, end: offset }, typed, text: lead + time + trail, zone, choices };
  }
  if (isEmptyTimeCell(text, lineStart, lineEnd, offset, postmortem.lineStarts, line)) {
    const sample = sampleEntry(postmortem, here, (entry) => isTableRow(text, entry));
    const { offset: zoneOffset, zone } = timelineOffsetAt(postmortem, template, section, sample, now);
    const time = formatTimeLike(sample?.timeText ?? DEFAULT_SAMPLE, wallTime(now, zoneOffset));
    const [lead, trail] = sample ? cellDecoration(text, sample) : ['', ''];
    const before = text[offset - 1] === '|' ? ' ' : '';
    const after = text[offset] === '|' ? ' ' : '';
    const choices = timeChoices(postmortem, template, section, sample, here, time, before + lead, trail + after);
    return { kind: 'time', range: { start: offset, end: offset }, typed: '', text: before + lead + time + trail + after, zone, choices };
  }
  return undefined;
}

/** The entry above's time as written (else the Duration's start, in the entries' style), then now. */
function timeChoices(postmortem: Postmortem, template: Template, section: Section | undefined, sample: TimelineEntry | undefined, line: Range, now: string, lead: string, trail: string): TimeChoice[] {
  const choice = (source: TimeChoice['source'], time: string): TimeChoice => ({ source, text: lead + time + trail, time: { start: lead.length, end: lead.length + time.length } });
  const choices: TimeChoice[] = [];
  const start = postmortem.metadata.duration?.start;
  if (sample && sample.range.start < line.start) choices.push(choice('above', sample.timeText));
  else if (start != null) {
    const { offset } = timelineOffsetAt(postmortem, template, section, sample, start);
    choices.push(choice('start', formatTimeLike(sample?.timeText ?? DEFAULT_SAMPLE, wallTime(start, offset))));
  }
  if (choices[0]?.text !== lead + now + trail) choices.push(choice('now', now));
  return choices;
}

/** The deepest section whose body holds `offset` (not its heading line). */
export function sectionAt(postmortem: Postmortem, offset: number): Section | undefined {
  let found: Section | undefined;
  for (const section of postmortem.allSections) {
    if (section.headingRange.end <= offset && offset <= section.range.end && section.range.start <= offset) found = section;
  }
  return found;
}

/** A section's own kind, else the nearest timeline/actions ancestor's (a "### Day 2" under Timeline). */
function kindOf(section: Section): SectionKind {
  for (let s: Section | undefined = section; s; s = s.parent) if (s.kind !== 'text') return s.kind;
  return 'text';
}

function lineEndAt(text: string, lineStart: number): number {
  const newline = text.slice(lineStart).search(/\r|\n/);
  return newline < 0 ? text.length : lineStart + newline;
}

/** The nearest timed entry above the line, else the first below it; never the line being written. */
function sampleEntry(postmortem: Postmortem, line: Range, fits: (entry: TimelineEntry) => boolean): TimelineEntry | undefined {
  const candidates = postmortem.timeline.filter((entry) => isTimed(entry) && fits(entry) && (entry.range.end < line.start || entry.range.start > line.end));
  const above = candidates.filter((entry) => entry.range.start < line.start);
  return above[above.length - 1] ?? candidates[0];
}

function isTableRow(text: string, entry: TimelineEntry): boolean {
  return /^[ \t]*\|/.test(text.slice(entry.range.start, entry.range.start + 8)) && text.slice(entry.range.start, entry.timeRange.start).includes('|');
}

/** The text around the sample's time in its list item: "**" and ":** ". */
function listDecoration(text: string, sample: TimelineEntry): [string, string] {
  const item = text.slice(sample.range.start, sample.timeRange.start);
  const marker = LIST_MARKER.exec(item)?.[0].length ?? 0;
  const lead = item.slice(marker);
  const tail = text.slice(sample.timeRange.end, lineEndAt(text, sample.timeRange.end));
  let trail = AFTER_TIME.exec(tail)?.[0] ?? '';
  if (!/\s$/.test(trail)) trail += ' ';
  return /[\r\n]/.test(lead) || lead.length > 12 ? ['**', ':** '] : [lead, trail];
}

/** The text around the sample's time inside its table cell: "**" and "**", or nothing. */
function cellDecoration(text: string, sample: TimelineEntry): [string, string] {
  const lineEnd = lineEndAt(text, sample.timeRange.end);
  const cellStart = text.lastIndexOf('|', sample.timeRange.start) + 1;
  let cellEnd = text.indexOf('|', sample.timeRange.end);
  if (cellEnd < 0 || cellEnd > lineEnd) cellEnd = lineEnd;
  const lead = text.slice(cellStart, sample.timeRange.start).trimStart();
  const trail = text.slice(sample.timeRange.end, cellEnd).trimEnd();
  return [lead, trail];
}

/** The cursor is in an empty cell of a table row (not the header or delimiter), in the time column. */
function isEmptyTimeCell(text: string, lineStart: number, lineEnd: number, offset: number, lineStarts: number[], line: number): boolean {
  const row = text.slice(lineStart, lineEnd);
  if (!/^[ \t]*\|/.test(row)) return false;
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);
  if (!/\|[ \t]*$/.test(before) || !/^[ \t]*(\||$)/.test(after)) return false;
  const column = cellIndex(before) - 1;
  // The header is the first row of the table; the delimiter row under it is not a data row.
  let header = line;
  while (header > 0 && /^[ \t]*\|/.test(rowText(text, lineStarts, header - 1))) header--;
  if (line - header < 2) return false;
  const headerCells = splitRow(rowText(text, lineStarts, header));
  const found = headerCells.findIndex((cell) => TIME_COLUMN.test(cell.trim()));
  return column === (found < 0 ? 0 : found);
}

function rowText(text: string, lineStarts: number[], line: number): string {
  const start = lineStarts[line];
  return text.slice(start, lineEndAt(text, start));
}

/** Cells of a table row, without the outer pipes; `\|` does not split. */
function splitRow(row: string): string[] {
  const cells = row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/);
  return cells;
}

/** How many unescaped pipes `before` holds: the cursor's cell is that number, from 1. */
function cellIndex(before: string): number {
  return (before.match(/(?<!\\)\|/g) ?? []).length;
}
