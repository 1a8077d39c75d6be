import { countDigits, isDigit, isLetter, isWordChar, numberAt, readLetters, skipSpaces } from './chars.js';
import { ianaZone } from './iana.js';

export interface ZoneReading {
  zone: string;
  end: number;
}

// An abbreviation names standard or daylight time explicitly, so it is a fixed offset.
// IST is India (the common reading in incident reports); CST is US Central.
const ABBREVIATIONS = new Map<string, string>([
  ['UT', 'UTC'], ['WET', 'UTC'], ['WEST', '+01:00'], ['BST', '+01:00'], ['CET', '+01:00'], ['CEST', '+02:00'],
  ['EET', '+02:00'], ['EEST', '+03:00'], ['MSK', '+03:00'], ['IST', '+05:30'], ['SGT', '+08:00'], ['HKT', '+08:00'],
  ['AWST', '+08:00'], ['JST', '+09:00'], ['KST', '+09:00'], ['ACST', '+09:30'], ['AEST', '+10:00'], ['AEDT', '+11:00'],
  ['NZST', '+12:00'], ['NZDT', '+13:00'], ['HST', '-10:00'], ['AKST', '-09:00'], ['AKDT', '-08:00'],
  ['PST', '-08:00'], ['PDT', '-07:00'], ['MST', '-07:00'], ['MDT', '-06:00'], ['CST', '-06:00'], ['CDT', '-05:00'],
  ['EST', '-05:00'], ['EDT', '-04:00'],
  ['ET', 'America/New_York'], ['CT', 'America/Chicago'], ['MT', 'America/Denver'], ['PT', 'America/Los_Angeles'],
]);

/** US region names follow DST, so they map to IANA zones; "X Standard/Daylight Time" is fixed. */
const REGIONS = new Map<string, { iana: string; standard: string; daylight: string }>([
  ['eastern', { iana: 'America/New_York', standard: '-05:00', daylight: '-04:00' }],
  ['central', { iana: 'America/Chicago', standard: '-06:00', daylight: '-05:00' }],
  ['mountain', { iana: 'America/Denver', standard: '-07:00', daylight: '-06:00' }],
  ['pacific', { iana: 'America/Los_Angeles', standard: '-08:00', daylight: '-07:00' }],
]);

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * A signed offset at i. 'hhmm' accepts only -0700 style (a spaced "- 07:00" is a range);
 * 'strict' also +07 and +07:00; 'loose' (after UTC/GMT) also +7 and +5:30.
 */
function readOffset(s: string, i: number, mode: 'hhmm' | 'strict' | 'loose'): ZoneReading | null {
  const sign = s[i] === '-' ? -1 : 1;
  const j = i + 1;
  const n = countDigits(s, j, 4);
  let hours: number;
  let minutes = 0;
  let end: number;
  if (n === 4) {
    hours = numberAt(s, j, 2);
    minutes = numberAt(s, j + 2, 2);
    end = j + 4;
  } else if (mode !== 'hhmm' && (n === 2 || (n === 1 && mode === 'loose'))) {
    hours = numberAt(s, j, n);
    end = j + n;
    if (s[end] === ':' && countDigits(s, end + 1, 2) === 2) {
      minutes = numberAt(s, end + 1, 2);
      end += 3;
    }
  } else return null;
  if (hours > 14 || minutes > 59) return null;
  return { zone: formatOffset(sign * (hours * 60 + minutes)), end };
}

function readRegion(s: string, end: number, region: { iana: string; standard: string; daylight: string }): ZoneReading | null {
  const k = skipSpaces(s, end, 2);
  if (k === end) return { zone: region.iana, end };
  const word = readLetters(s, k, 8).toLowerCase();
  if (word === 'time') return { zone: region.iana, end: k + 4 };
  if (word === 'standard' || word === 'daylight') {
    const t = skipSpaces(s, k + word.length, 2);
    if (t > k + word.length && readLetters(s, t, 4).toLowerCase() === 'time') {
      return { zone: word === 'standard' ? region.standard : region.daylight, end: t + 4 };
    }
  }
  // "Central database", "Pacific region": a capitalised word in prose, not a zone.
  return isLetter(s[k]) ? null : { zone: region.iana, end };
}

/** A zone token at exactly i. `dashShort` allows -07 / -07:00 (only where a range cannot be meant). */
export function readZoneToken(s: string, i: number, dashShort: boolean): ZoneReading | null {
  const c = s[i];
  if (c === 'Z') return isWordChar(s[i + 1]) ? null : { zone: 'UTC', end: i + 1 };
  if (c === '+') return readOffset(s, i, 'strict');
  if (c === '-') return readOffset(s, i, dashShort ? 'strict' : 'hhmm');
  const word = readLetters(s, i, 8);
  if (word.length === 0) return null;
  const end = i + word.length;
  const upper = word.toUpperCase();
  if (upper === 'UTC' || upper === 'GMT') {
    if ((s[end] === '+' || s[end] === '-') && isDigit(s[end + 1])) return readOffset(s, end, 'loose');
    return { zone: 'UTC', end };
  }
  const abbreviation = word === upper ? ABBREVIATIONS.get(word) : undefined;
  if (abbreviation) return { zone: abbreviation, end };
  const region = REGIONS.get(word.toLowerCase());
  return region ? readRegion(s, end, region) : null;
}

/** A zone after a time: " UTC", "Z", "+02:00", " (PST)". `isoAttached`: right after an ISO 'T' time. */
export function readZoneAt(s: string, i: number, isoAttached: boolean): ZoneReading | null {
  const j = skipSpaces(s, i, 2);
  if (s[j] === '(') {
    const inner = readZoneToken(s, skipSpaces(s, j + 1, 1), true);
    if (!inner) return null;
    const close = skipSpaces(s, inner.end, 1);
    return s[close] === ')' ? { zone: inner.zone, end: close + 1 } : null;
  }
  const zone = readZoneToken(s, j, j === i && isoAttached);
  return zone && !isWordChar(s[zone.end]) ? zone : null;
}

/** Parses a zone token as written and returns its canonical form. */
export function parseZone(text: string): string | undefined {
  const t = text.trim();
  if (t.length === 0 || t.length > 64) return undefined;
  // Case-insensitive as a whole token: "pst" in a setting is unambiguous, unlike in prose.
  for (const candidate of [t, t.toUpperCase()]) {
    const zone = readZoneToken(candidate, 0, true);
    if (zone && zone.end === candidate.length) return zone.zone;
  }
  return ianaZone(t);
}
