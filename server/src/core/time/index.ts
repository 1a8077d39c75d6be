// Reading timestamps as SREs write them in postmortems. Pure: no vscode, no I/O.
export type { CalendarDate, ParsedDuration, TimestampParts } from './types.js';
export { parseTimestamp } from './parse-timestamp.js';
export { parseZone } from './zones.js';
export { findZoneHint } from './hint.js';
export { calendarDateOf, toInstant, zoneOffsetMinutes } from './instant.js';
export { parseDuration } from './duration.js';
