import { isWordChar } from './chars.js';
import { parseZone, readZoneToken } from './zones.js';

/** Hints sit at the start of a heading or preamble line; do not look further into long text. */
const HINT_WINDOW = 300;
const BRACKETED = /[([]([^()[\]\n]{1,60})[)\]]/g;
// A hint needs a keyword ("times", "time zone", "tz") before the zone, so prose that merely
// mentions "Pacific" or "at 3pm EST" does not count.
const PHRASE = /\b(?:times|timestamps|time ?zone|tz)\b[\s:=]*(?:(?:are|is|below|here|shown|given|listed|written|expressed|reported|displayed|in|as)\s+){0,3}/gi;
const TIMELINE = /^\s*timeline\b[\s:—–-]*/i;

/** The piece is a zone and nothing else: "UTC", "Pacific Time", "Europe/Berlin". */
function exactZone(piece: string): string | undefined {
  const zone = readZoneToken(piece, 0, true);
  if (zone && zone.end === piece.length) return zone.zone;
  return piece.includes('/') ? parseZone(piece) : undefined;
}

const IANA_NAME = /[A-Za-z_]{1,32}(?:\/[A-Za-z0-9_+-]{1,32}){1,2}/y;

function zoneAt(s: string, i: number): string | undefined {
  const zone = readZoneToken(s, i, true);
  if (zone) return isWordChar(s[zone.end]) ? undefined : zone.zone;
  IANA_NAME.lastIndex = i;
  const name = IANA_NAME.exec(s)?.[0];
  return name ? parseZone(name) : undefined;
}

/** Finds a zone hint such as "Timeline (UTC)", "All times are Eastern", "Times are in UTC+2". */
export function findZoneHint(text: string): string | undefined {
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
  return zone && /^[\s.:)]*$/.test(s.slice(zone.end)) ? zone.zone : undefined;
}
