// How an entry's time was read, in words, for hover and the preview: the day and time in the zone
// it was read in, how precise it is, and what was inferred (the next day, an ambiguous zone).
import type { TimelineEntry } from '../types.js';
import { zoneOffsetMinutes } from '../time/index.js';
import { wallTime } from './timeline-assist.js';

const PRECISION = { day: 'the day only', minute: 'to the minute', second: 'to the second' } as const;
const pad = (n: number) => String(n).padStart(2, '0');

export function entryReading(entry: TimelineEntry): string | undefined {
  if (entry.instant === null || entry.precision === null || entry.zone === null) return undefined;
  const w = wallTime(entry.instant, zoneOffsetMinutes(entry.zone, entry.instant) ?? 0);
  const day = entry.yearKnown ? `${w.year}-${pad(w.month)}-${pad(w.day)}` : `${pad(w.month)}-${pad(w.day)} (year unknown)`;
  const clock = entry.precision === 'second' ? `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` : `${pad(w.hour)}:${pad(w.minute)}`;
  const when = entry.precision === 'day' ? day : entry.dateKnown ? `${day} ${clock}` : `${clock} (no date known)`;
  const crossing = entry.nextDay ? 'taken as the next day: it goes back across midnight' : entry.previousDay ? 'taken as the day before: newest first, it goes forward across midnight' : '';
  const notes = [crossing, entry.zoneNote ?? ''].filter(Boolean);
  return `Read as ${when} ${entry.zone} (${PRECISION[entry.precision]})${notes.length ? `; ${notes.join('; ')}` : ''}.`;
}
