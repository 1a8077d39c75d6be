import type { DateOrder, TimestampParts } from '../time/index.js';
import { parseTimestamp } from '../time/index.js';
import type { Range } from '../types.js';

/** How far into an entry we look for its time: timestamps are short, documents may not be. */
const TIME_WINDOW = 96;
const OPENERS = new Set(['*', '_', '`', '[', '(', ' ', '\t']);
const AFTER_TIME = /^[*_`\]\s]*(?:[:|\-–—]+|\)\s*:?)?[*_`\s]*/;

export interface EntryTime {
  parts: TimestampParts | null;
  timeRange: Range;
  timeText: string;
  /** Text after the time and its separator, up to `end`. */
  rest: string;
  /** No time was read and none was meant: no digit, "?" or "TBD" where a time goes ("**Summary**:", "Detection:"). */
  timeless?: boolean;
  /** A time-less item led by a story label ("**Summary**:", "Detection:"): a note beside the timeline, not an entry. */
  note?: boolean;
}

// "**Summary**:", "Detection:", "- **Follow-up**: …": a part of the story, not a moment in it.
const NOTE_LABEL =
  /^[*_`]{0,2}(?:summary|overview|context|background|notes?|follow[- ]?ups?|detection|mitigation|recovery|resolution|impact|root causes?|causes?|triggers?|response|escalation|communications?|status|next steps|action items?|lessons?(?: learned)?|key events|timeline)[*_`]{0,2}\s*:/i;
const MEANT_TIME = /[\d?]|^(?:tbd|tbc|xx?|hh)(?![a-z])/i;

/** Reads the time at the start of an entry's source text [start, end). */
export function readEntryTime(text: string, start: number, end: number, allowBareHHMM = true, dateOrder?: DateOrder): EntryTime {
  let i = start;
  while (i < end && OPENERS.has(text[i])) i++;
  const window = text.slice(i, Math.min(end, i + TIME_WINDOW));
  const parts = parseTimestamp(window, { allowBareHHMM, dateOrder });
  if (parts) {
    const timeEnd = i + parts.length;
    return { parts, timeRange: { start: i, end: timeEnd }, timeText: text.slice(i, timeEnd), rest: restAfter(text, timeEnd, end) };
  }
  const label = unreadableLabel(text, start, end);
  const timeText = text.slice(label.start, label.end);
  const reading: EntryTime = { parts: null, timeRange: label, timeText, rest: restAfter(text, label.end, end) };
  if (!MEANT_TIME.test(timeText)) {
    reading.timeless = true;
    const head = text.slice(start, Math.min(end, start + 48));
    if (NOTE_LABEL.test(head)) reading.note = true;
  }
  return reading;
}

/** The entry's text: what follows the time, its closing marker and its separator. */
function restAfter(text: string, timeEnd: number, end: number): string {
  const tail = text.slice(timeEnd, Math.min(end, timeEnd + TIME_WINDOW));
  const separator = AFTER_TIME.exec(tail)?.[0].length ?? 0;
  return text.slice(timeEnd + separator, end).trim();
}

/** Where the author meant the time to be: a bold or code label, else the first word. */
function unreadableLabel(text: string, start: number, end: number): Range & { marked?: boolean } {
  const head = text.slice(start, Math.min(end, start + TIME_WINDOW));
  const marked = /^(\*\*|__|`)([^*_`\n]{1,40}?)\1/.exec(head);
  if (marked) {
    const inner = marked[2].replace(/[:\s]+$/, '');
    const innerStart = start + marked[1].length;
    return { start: innerStart, end: innerStart + Math.max(inner.length, 1), marked: true };
  }
  const word = /^\d{4}-\d{1,2}-\d{1,2}[ T]+(?:[?xX]{1,2}[:.][?xX]{1,2}|TBD|TBC)|^\S{1,40}/.exec(head.trimStart());
  const offset = start + (head.length - head.trimStart().length);
  const length = word ? word[0].replace(/[:\-–—]+$/, '').length || word[0].length : 0;
  return { start: offset, end: Math.min(end, offset + length) };
}
