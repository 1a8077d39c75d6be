import { countDigits, isDigit, isLetter, isWordChar, numberAt, readLetters, skipSpaces } from './chars.js';
import { ianaZone } from './iana.js';

export interface ZoneReading {
  zone: string;
  end: number;
  /** The abbreviation as written, when it names more than one zone (IST, CST). */
  ambiguous?: string;
}

/** Abbreviations with more than one common reading; `ABBREVIATIONS` holds the default one. */
export const AMBIGUOUS_ABBREVIATIONS = new Map<string, string>([
  ['IST', 'India Standard Time (+05:30)'],
  ['CST', 'US Central Standard Time (-06:00)'],
]);

/** "PST/PDT", "CET/CEST": the author names both halves, so the zone follows daylight saving by date. */
const PAIRS = new Map<string, string>([
  ['PST/PDT', 'America/Los_Angeles'], ['MST/MDT', 'America/Denver'], ['CST/CDT', 'America/Chicago'],
  ['EST/EDT', 'America/New_York'], ['AKST/AKDT', 'America/Anchorage'], ['GMT/BST', 'Europe/London'],
  ['WET/WEST', 'Europe/Lisbon'], ['CET/CEST', 'Europe/Berlin'], ['EET/EEST', 'Europe/Helsinki'],
  ['AEST/AEDT', 'Australia/Sydney'], ['NZST/NZDT', 'Pacific/Auckland'],
]);
for (const [pair, zone] of [...PAIRS]) PAIRS.set(pair.split('/').reverse().join('/'), zone);

// An abbreviation names standard or daylight time explicitly, so it is a fixed offset.
// IST is India (the common reading in incident reports); CST is US Central.
const ABBREVIATIONS = new Map<string, string>([
  ['UT', 'UTC'], ['WET', 'UTC'], ['WEST', '+01:00'], ['BST', '+01:00'], ['CET', '+01:00'], ['CEST', '+02:00'],
  ['EET', '+02:00'], ['EEST', '+03:00'], ['MSK', '+03:00'], ['IST', '+05:30'], ['SGT', '+08:00'], ['HKT', '+08:00'],
  ['AWST', '+08:00'], ['JST', '+09:00'], ['KST', '+09:00'], ['ACST', '+09:30'], ['AEST', '+10:00'], ['AEDT', '+11:00'],
  ['NZST', '+12:00'], ['NZDT', '+13:00'], ['HST', '-10:00'], ['AKST', '-09:00'], ['AKDT', '-08:00'],
  ['PST', '-08:00'], ['PDT', '-07:00'], ['MST', '-07:00'], ['MDT', '-06:00'], ['CST', '-06:00'], ['CDT', '-05:00'],
  ['EST', '-05:00'], ['EDT', '-04:00'], ['ICT', '+07:00'], ['WIB', '+07:00'], ['PHT', '+08:00'], ['WAT', '+01:00'],
  ['CAT', '+02:00'], ['SAST', '+02:00'], ['EAT', '+03:00'], ['BRT', '-03:00'], ['ART', '-03:00'],
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
  if (c === 'Z' && !isWordChar(s[i + 1])) return { zone: 'UTC', end: i + 1 };
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
  if (word === upper && s[end] === '/') {
    const second = readLetters(s, end + 1, 5);
    const pair = PAIRS.get(`${word}/${second}`);
    if (pair) return { zone: pair, end: end + 1 + second.length };
  }
  const abbreviation = word === upper ? ABBREVIATIONS.get(word) : undefined;
  if (abbreviation) return AMBIGUOUS_ABBREVIATIONS.has(word) ? { zone: abbreviation, end, ambiguous: word } : { zone: abbreviation, end };
  const region = REGIONS.get(word.toLowerCase());
  if (region) return readRegion(s, end, region);
  return readIanaName(s, i) ?? readPlaceTime(s, i);
}

const IANA_NAME = /[A-Z][A-Za-z_]{1,20}(?:\/[A-Za-z0-9_+-]{1,32}){1,2}/y;

/** "US/Pacific", "Europe/Zurich" written after a time. */
function readIanaName(s: string, i: number): ZoneReading | null {
  IANA_NAME.lastIndex = i;
  const name = IANA_NAME.exec(s)?.[0];
  const zone = name ? ianaZone(name) : undefined;
  return zone && name ? { zone, end: i + name.length } : null;
}

const PLACE_TIME = /(UK|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) [Tt]ime\b/y;
const PLACES = new Map<string, string>([['uk', 'Europe/London'], ['british', 'Europe/London'], ['irish', 'Europe/Dublin']]);
let cities: Map<string, string> | undefined;

/** The IANA zone named by a city ("Zurich", "New York"), from the zones Intl knows. */
function cityZone(place: string): string | undefined {
  // Stryker disable all: the city table is built once per process; the mutation run shares modules between runs, so a mutant here would leak into others
  if (!cities) {
    cities = new Map();
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    for (const zone of zones) {
      const city = zone.split('/').pop()!;
      if (zone.includes('/') && !zone.startsWith('Etc/')) cities.set(city.replace(/_/g, ' ').toLowerCase(), zone);
    }
  }
  // Stryker restore all
  return PLACES.get(place.toLowerCase()) ?? cities.get(place.toLowerCase());
}

/** "Zurich time", "UK time", "New York time": a place that names one IANA zone, then "time". */
function readPlaceTime(s: string, i: number): ZoneReading | null {
  PLACE_TIME.lastIndex = i;
  const match = PLACE_TIME.exec(s);
  const zone = match ? cityZone(match[1]) : undefined;
  return zone && match ? { zone, end: i + match[0].length } : null;
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

/** A zone token followed by closing emphasis ("_All times in EEST_") is still whole. */
export function endsZone(s: string, i: number): boolean {
  const c = s[i];
  return !isWordChar(c) || ((c === '_' || c === '*') && !isWordChar(s[i + 1]));
}

/** Parses a zone token as written and returns its canonical form. */
export function parseZone(text: string): string | undefined {
  const t = text.trim();
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a guard; neither an empty token nor one past 64 characters reads as a zone
  if (t.length === 0 || t.length > 64) return undefined;
  // Case-insensitive as a whole token: "pst" in a setting is unambiguous, unlike in prose.
  for (const candidate of [t, t.toUpperCase()]) {
    const zone = readZoneToken(candidate, 0, true);
    if (zone && zone.end === candidate.length) return zone.zone;
  }
  return ianaZone(t);
}
