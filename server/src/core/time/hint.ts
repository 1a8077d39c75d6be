import { endsZone, parseZone, readZoneToken } from './zones.js';

/** Hints sit at the start of a heading or preamble line; do not look further into long text. */
const HINT_WINDOW = 300;
const BRACKETED = /[([]([^()[\]\n]{1,60})[)\]]/g;
// A hint needs a keyword ("times", "time zone", "tz") before the zone, so prose that merely
// mentions "Pacific" or "at 3pm EST" does not count.
const PHRASE = /\b(?:times|timestamps|time ?zone|tz)\b[\s:=]*(?:(?:are|is|below|here|shown|given|listed|written|expressed|reported|displayed|in|as)\s+){0,3}/gi;
const TIMELINE = /^\s*timeline\b[\s:—–-]*/i;

type Hint = { zone: string; ambiguous?: string };

/** The piece is a zone and nothing else: "UTC", "Pacific Time", "Europe/Berlin". */
function exactZone(piece: string): Hint | undefined {
  const zone = readZoneToken(piece, 0, true);
  if (zone && zone.end === piece.length) return zone;
  const iana = piece.includes('/') ? parseZone(piece) : undefined;
  return iana === undefined ? undefined : { zone: iana };
}

const IANA_NAME = /[A-Za-z_]{1,32}(?:\/[A-Za-z0-9_+-]{1,32}){1,2}/y;

function zoneAt(s: string, i: number): Hint | undefined {
  const zone = readZoneToken(s, i, true);
  if (zone) return endsZone(s, zone.end) ? zone : undefined;
  IANA_NAME.lastIndex = i;
  const name = IANA_NAME.exec(s)?.[0];
  const iana = name ? parseZone(name) : undefined;
  return iana === undefined ? undefined : { zone: iana };
}

/** Finds a zone hint such as "Timeline (UTC)", "All times are Eastern", "Times are in UTC+2". */
export function findZoneHint(text: string): string | undefined {
  return findZoneHintReading(text)?.zone;
}

/** The hint and, for an ambiguous abbreviation (IST, CST), the abbreviation as written. */
export function findZoneHintReading(text: string): Hint | undefined {
  const s = text.slice(0, HINT_WINDOW);
  for (const match of s.matchAll(BRACKETED)) {
    for (const piece of match[1].split(/[,;]/)) {
      const zone = exactZone(piece.trim());
      if (zone) return zone;
    }
  }
  for (const match of s.matchAll(PHRASE)) {
    const zone = zoneAt(s, match.index + match[0].length);
    if (zone) return zone;
  }
  const heading = TIMELINE.exec(s);
  if (!heading) return undefined;
  const zone = readZoneToken(s, heading[0].length, true);
  return zone && /^[\s.:)]*$/.test(s.slice(zone.end)) ? zone : undefined;
}
