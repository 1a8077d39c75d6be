// Reading timestamps as SREs write them in postmortems. Pure: no vscode, no I/O.
export type { CalendarDate, DateOrder, ParsedDuration, TimestampParts } from './types.js';
export { AMBIGUOUS_ABBREVIATIONS } from './zones.js';
export { parseTimestamp } from './parse-timestamp.js';
export { parseZone } from './zones.js';
export { findZoneHint, findZoneHintReading } from './hint.js';
export { calendarDateOf, toInstant, zoneOffsetMinutes } from './instant.js';
export { parseDuration } from './duration.js';
