import { isSpace, skipSpaces } from './chars.js';
import { findZoneHint } from './hint.js';
import { readTimestamp } from './parse-timestamp.js';
import type { DateOrder, ParsedDuration } from './types.js';
import { readZoneAt } from './zones.js';

/** A Duration may open with words ("From", "3 hours (") before its first timestamp. */
const SCAN_LIMIT = 200;
const WORD_STARTS = new Set(['(', '[', ',', ';', ':', '*', '_', '`', '"', "'"]);

/** Reads a Duration value such as "June 10, 2023, 03:00 PM - 05:30 PM (UTC)". */
export function parseDuration(text: string, dateOrder?: DateOrder): ParsedDuration {
  const limit = Math.min(text.length, SCAN_LIMIT);
  for (let i = 0; i < limit; i++) {
    if (isSpace(text[i]) || (i > 0 && !isSpace(text[i - 1]) && !WORD_STARTS.has(text[i - 1]))) continue;
    const reading = readTimestamp(text, i, false, dateOrder);
    if (!reading) continue;
    const rest = i + reading.start.length;
    const zone = reading.zone ?? trailingZone(text, rest);
    return zone === undefined ? { start: reading.start, end: reading.end } : { start: reading.start, end: reading.end, zone };
  }
  const zone = findZoneHint(text);
  return zone === undefined ? { start: null, end: null } : { start: null, end: null, zone };
}

/** ", UTC" or "(all times UTC)" after the readable part. */
function trailingZone(text: string, i: number): string | undefined {
  let j = i;
  while (j < i + 3 && (text[j] === ',' || text[j] === ';' || isSpace(text[j]))) j++;
  return readZoneAt(text, skipSpaces(text, j), false)?.zone ?? findZoneHint(text.slice(i, i + 300));
}
