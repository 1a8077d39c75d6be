// Human-readable times and spans for the preview.
import { zoneOffsetMinutes } from '../core/time/index.js';

const MINUTE = 60_000;

/** `2024-06-11 13:40 UTC` when the date is known, else `13:40`; shown in the incident's zone. */
export function formatInstant(ms: number, zone: string, dateKnown: boolean): string {
  const offset = zoneOffsetMinutes(zone, ms);
  const shown = new Date(ms + (offset ?? 0) * MINUTE).toISOString();
  const seconds = shown.slice(17, 19) === '00' ? '' : shown.slice(16, 19);
  const time = shown.slice(11, 16) + seconds;
  if (!dateKnown) return time;
  return `${shown.slice(0, 10)} ${time} ${offset === undefined ? 'UTC' : zone}`;
}

/** ISO 8601 for `<time datetime>`: a full instant, or the time of day alone when no date is known. */
export function machineInstant(ms: number, dateKnown: boolean): string {
  const iso = new Date(ms).toISOString();
  return dateKnown ? iso : iso.slice(11, 19) + 'Z';
}

/** `45 s`, `12 min`, `2 h 25 min`, `3 d 4 h`; negative spans get a minus sign. */
export function formatSpan(ms: number): string {
  if (ms < 0) return `−${formatSpan(-ms)}`;
  if (ms < MINUTE) return ms === 0 ? '0 min' : `${Math.round(ms / 1000)} s`;
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** ISO 8601 duration for `<time datetime>` of a span (minutes precision is enough). */
export function machineSpan(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / MINUTE);
  return `PT${Math.floor(minutes / 60)}H${minutes % 60}M`;
}
