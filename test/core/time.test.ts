import { describe, it, expect } from 'vitest';
import {
  calendarDateOf,
  findZoneHint,
  parseDuration,
  parseTimestamp,
  parseZone,
  toInstant,
  zoneOffsetMinutes,
  type TimestampParts,
} from '../../server/src/core/time/index.js';

type Expected = Omit<Partial<TimestampParts>, 'length'> & { length: number };

/** Full parts for a plain reading: not approximate, not date-only unless stated. */
const parts = (expected: Expected): TimestampParts => ({ approximate: false, dateOnly: false, ...expected });

const FORMS: [string, Expected][] = [
  ['03:00 PM', { hour: 15, minute: 0, length: 8 }],
  ['3:00pm', { hour: 15, minute: 0, length: 6 }],
  ['3pm', { hour: 15, minute: 0, length: 3 }],
  ['3 PM', { hour: 15, minute: 0, length: 4 }],
  ['12 AM', { hour: 0, minute: 0, length: 5 }],
  ['12 PM', { hour: 12, minute: 0, length: 5 }],
  ['12:30 a.m.', { hour: 0, minute: 30, length: 10 }],
  ['3.15pm', { hour: 15, minute: 15, length: 6 }],
  ['15:00', { hour: 15, minute: 0, length: 5 }],
  ['00:00', { hour: 0, minute: 0, length: 5 }],
  ['15:00:07', { hour: 15, minute: 0, second: 7, length: 8 }],
  ['14.43', { hour: 14, minute: 43, length: 5 }],
  ['2023-06-10 15:00', { year: 2023, month: 6, day: 10, hour: 15, minute: 0, length: 16 }],
  ['2023-06-10T15:00:00Z', { year: 2023, month: 6, day: 10, hour: 15, minute: 0, second: 0, zone: 'UTC', length: 20 }],
  [
    '2023-06-10T15:00:00.123+02:00',
    { year: 2023, month: 6, day: 10, hour: 15, minute: 0, second: 0, millisecond: 123, zone: '+02:00', length: 29 },
  ],
  ['2023-06-10T15:00-07:00', { year: 2023, month: 6, day: 10, hour: 15, minute: 0, zone: '-07:00', length: 22 }],
  ['June 10, 2023 15:00', { year: 2023, month: 6, day: 10, hour: 15, minute: 0, length: 19 }],
  ['June 10, 2023, 03:00 PM', { year: 2023, month: 6, day: 10, hour: 15, minute: 0, length: 23 }],
  ['10 June 2023 15:00', { year: 2023, month: 6, day: 10, hour: 15, minute: 0, length: 18 }],
  ['Jun 10 15:00', { month: 6, day: 10, hour: 15, minute: 0, length: 12 }],
  ['Jun 10, 15:00', { month: 6, day: 10, hour: 15, minute: 0, length: 13 }],
  ['June 10 at 3pm', { month: 6, day: 10, hour: 15, minute: 0, length: 14 }],
  ['2023/06/10 15:00', { year: 2023, month: 6, day: 10, hour: 15, minute: 0, length: 16 }],
  ['Mon Jun 10 15:00:00 UTC', { month: 6, day: 10, hour: 15, minute: 0, second: 0, zone: 'UTC', weekday: 1, length: 23 }],
  ['May 31', { month: 5, day: 31, dateOnly: true, length: 6 }],
  ['may 31', { month: 5, day: 31, dateOnly: true, length: 6 }],
  ['Sept. 5', { month: 9, day: 5, dateOnly: true, length: 7 }],
  ['10th of June', { month: 6, day: 10, dateOnly: true, length: 12 }],
  ['2019-12-03', { year: 2019, month: 12, day: 3, dateOnly: true, length: 10 }],
  ['June 10, 2023', { year: 2023, month: 6, day: 10, dateOnly: true, length: 13 }],
  ['Tuesday, June 10', { month: 6, day: 10, dateOnly: true, weekday: 2, length: 16 }],
  ['Feb 29', { month: 2, day: 29, dateOnly: true, length: 6 }],
  // Ranges: the start counts, the length covers the end.
  ['02:50:39–02:50:54', { hour: 2, minute: 50, second: 39, length: 17 }],
  ['15:00 - 15:10', { hour: 15, minute: 0, length: 13 }],
  ['15:00 to 15:10', { hour: 15, minute: 0, length: 14 }],
  ['15:00 - 15:10 UTC', { hour: 15, minute: 0, zone: 'UTC', length: 17 }],
  ['May 31 - June 2', { month: 5, day: 31, dateOnly: true, length: 15 }],
  // Approximations.
  ['~03:05', { hour: 3, minute: 5, approximate: true, length: 6 }],
  ['≈03:05', { hour: 3, minute: 5, approximate: true, length: 6 }],
  ['approx. 03:05', { hour: 3, minute: 5, approximate: true, length: 13 }],
  ['circa 03:05', { hour: 3, minute: 5, approximate: true, length: 11 }],
  ['about 03:05', { hour: 3, minute: 5, approximate: true, length: 11 }],
  ['15:00-ish', { hour: 15, minute: 0, approximate: true, length: 9 }],
  // Zones as a suffix.
  ['15:00 UTC', { hour: 15, minute: 0, zone: 'UTC', length: 9 }],
  ['15:00 GMT', { hour: 15, minute: 0, zone: 'UTC', length: 9 }],
  ['15:00Z', { hour: 15, minute: 0, zone: 'UTC', length: 6 }],
  ['15:00 +02:00', { hour: 15, minute: 0, zone: '+02:00', length: 12 }],
  ['15:00 +0200', { hour: 15, minute: 0, zone: '+02:00', length: 11 }],
  ['15:00 -0700', { hour: 15, minute: 0, zone: '-07:00', length: 11 }],
  ['15:00 UTC+2', { hour: 15, minute: 0, zone: '+02:00', length: 11 }],
  ['15:00 GMT-07:00', { hour: 15, minute: 0, zone: '-07:00', length: 15 }],
  ['15:00 PST', { hour: 15, minute: 0, zone: '-08:00', length: 9 }],
  ['15:00 PDT', { hour: 15, minute: 0, zone: '-07:00', length: 9 }],
  ['15:00 EST', { hour: 15, minute: 0, zone: '-05:00', length: 9 }],
  ['15:00 EDT', { hour: 15, minute: 0, zone: '-04:00', length: 9 }],
  ['15:00 CET', { hour: 15, minute: 0, zone: '+01:00', length: 9 }],
  ['15:00 CEST', { hour: 15, minute: 0, zone: '+02:00', length: 10 }],
  ['15:00 IST', { hour: 15, minute: 0, zone: '+05:30', ambiguousZone: 'IST', length: 9 }],
  ['15:00 JST', { hour: 15, minute: 0, zone: '+09:00', length: 9 }],
  ['15:00 BST', { hour: 15, minute: 0, zone: '+01:00', length: 9 }],
  ['15:00 AEST', { hour: 15, minute: 0, zone: '+10:00', length: 10 }],
  ['15:00 (UTC)', { hour: 15, minute: 0, zone: 'UTC', length: 11 }],
  ['15:00 Eastern', { hour: 15, minute: 0, zone: 'America/New_York', length: 13 }],
  ['15:00 Pacific time', { hour: 15, minute: 0, zone: 'America/Los_Angeles', length: 18 }],
  ['15:00 Central Time', { hour: 15, minute: 0, zone: 'America/Chicago', length: 18 }],
  ['15:00 Mountain', { hour: 15, minute: 0, zone: 'America/Denver', length: 14 }],
  ['15:00 Eastern Standard Time', { hour: 15, minute: 0, zone: '-05:00', length: 27 }],
  // Trailing text is not consumed.
  ['15:00: deployed', { hour: 15, minute: 0, length: 5 }],
  ['15:00 Central database', { hour: 15, minute: 0, length: 5 }],
  ['15:00 on call', { hour: 15, minute: 0, length: 5 }],
  ['15:00 - 16 users', { hour: 15, minute: 0, length: 5 }],
  // After a date, four digits are a time of day ("2024-03-01 0905").
  ['Jun 10 1625', { month: 6, day: 10, hour: 16, minute: 25, length: 11 }],
  ['2023-06-10 was', { year: 2023, month: 6, day: 10, dateOnly: true, length: 10 }],
  ['15:00 on 2023-06-10', { year: 2023, month: 6, day: 10, hour: 15, minute: 0, length: 19 }],
];

describe('parseTimestamp: forms', () => {
  it.each(FORMS)('%s', (text, expected) => {
    expect(parseTimestamp(text)).toStrictEqual(parts(expected));
  });

  it('reads bare HHMM only when allowed', () => {
    expect(parseTimestamp('1625 users', { allowBareHHMM: true })).toEqual(parts({ hour: 16, minute: 25, length: 4 }));
    expect(parseTimestamp('0000Z', { allowBareHHMM: true })).toEqual(parts({ hour: 0, minute: 0, zone: 'UTC', length: 5 }));
    expect(parseTimestamp('1625 users')).toBeNull();
    expect(parseTimestamp('2460', { allowBareHHMM: true })).toBeNull();
    expect(parseTimestamp('16250', { allowBareHHMM: true })).toBeNull();
  });
});

describe('parseTimestamp: not timestamps', () => {
  const NEGATIVES = [
    'TBD', 'X', '??:??', 'Later', '', ' 15:00', '25:00', '12:61', '15:00:61', 'Feb 30', 'June 31', '2023-02-29',
    '13 PM', '0:30 am', '15:00PM', '15:00abc', '2023 was', '10 users', '3 users', '1.2.3', '10.0.0.1',
    '192.168.1.1', '3.14', '14.43.1', '14.43%', '12:00:00:00', '15:00-16', 'June 10 25:00',
    'Jun10', 'March on', '2023-06-10Txyz', 'about 10 users', 'v1.2', 'Mar 2023',
  ];
  it.each(NEGATIVES)('%j', (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });
});

// Skipped (and reported so) in the mutation run, where the code is instrumented: see test/mutation/vitest.config.ts.
describe.skipIf(process.env.PM_MUTATION_RUN)('parseTimestamp: long inputs stay fast', () => {
  /** Best of 5 runs of 40 parses of a pre-flattened string (flattening a repeat() rope is linear and not ours). */
  function timeParse(text: string): number {
    text.charCodeAt(text.length - 1);
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      for (let r = 0; r < 40; r++) parseTimestamp(text, { allowBareHHMM: true });
      best = Math.min(best, performance.now() - started);
    }
    return best;
  }

  it('returns null on 1 MB of digits or colons', () => {
    expect(parseTimestamp('1'.repeat(1_000_000), { allowBareHHMM: true })).toBeNull();
    expect(parseTimestamp('12:'.repeat(300_000), { allowBareHHMM: true })).toBeNull();
    expect(parseTimestamp(' '.repeat(1_000_000))).toBeNull();
  });

  it.each([
    ['digits', (n: number) => '1'.repeat(n)],
    ['colons', (n: number) => '12:'.repeat(n / 3)],
    ['spaces', (n: number) => '15:00' + ' '.repeat(n)],
    ['range-like', (n: number) => '15:00 - '.repeat(n / 8)],
  ])('does not grow with input length (%s)', (_name, make) => {
    const small = make(90_000);
    const large = make(900_000);
    const tSmall = timeParse(small);
    const tLarge = timeParse(large);
    // A parser that scanned its input would take about 10x as long on the 10x input
    // (even a 1 ns/char regex scan costs 40 ms here for the large input).
    expect(tLarge).toBeLessThan(tSmall * 3 + 2);
  });
});

describe('parseZone', () => {
  it.each([
    ['UTC', 'UTC'], ['utc', 'UTC'], ['Z', 'UTC'], ['GMT', 'UTC'], ['UTC+0', 'UTC'], ['PST', '-08:00'], ['pst', '-08:00'],
    ['+0200', '+02:00'], ['+02:00', '+02:00'], ['-08:00', '-08:00'], ['UTC+2', '+02:00'], ['UTC+5:30', '+05:30'],
    ['GMT-07:00', '-07:00'], ['Eastern', 'America/New_York'], ['Eastern Time', 'America/New_York'],
    ['pacific time', 'America/Los_Angeles'], ['PT', 'America/Los_Angeles'], ['America/New_York', 'America/New_York'],
    ['Europe/Berlin', 'Europe/Berlin'], ['Etc/UTC', 'UTC'], [' CEST ', '+02:00'],
  ])('%j → %s', (text, zone) => {
    expect(parseZone(text)).toBe(zone);
  });

  it.each(['', 'foo', 'UTC+15', '+25:00', 'Eastern seaboard', 'Mars/Olympus', 'PSTX', '15:00'])('%j is not a zone', (text) => {
    expect(parseZone(text)).toBeUndefined();
  });
});

describe('zoneOffsetMinutes', () => {
  const summer = Date.UTC(2023, 6, 1, 12);
  const winter = Date.UTC(2023, 0, 15, 12);

  it('follows DST for Eastern', () => {
    expect(zoneOffsetMinutes('America/New_York', summer)).toBe(-240);
    expect(zoneOffsetMinutes('America/New_York', winter)).toBe(-300);
    expect(zoneOffsetMinutes('Eastern', summer)).toBe(-240);
  });

  it('reads fixed offsets and written abbreviations', () => {
    expect(zoneOffsetMinutes('UTC', summer)).toBe(0);
    expect(zoneOffsetMinutes('+05:30', summer)).toBe(330);
    expect(zoneOffsetMinutes('-08:00', summer)).toBe(-480);
    // Written CET means standard time even in summer, unlike the IANA zone "CET".
    expect(zoneOffsetMinutes('CET', summer)).toBe(60);
    expect(zoneOffsetMinutes('Europe/Berlin', summer)).toBe(120);
  });

  it('is undefined for unknown zones', () => {
    expect(zoneOffsetMinutes('Nowhere/City', summer)).toBeUndefined();
    expect(zoneOffsetMinutes('Later', summer)).toBeUndefined();
  });
});

describe('toInstant and calendarDateOf', () => {
  const at = (text: string) => parseTimestamp(text)!;
  const base = { year: 2023, month: 6, day: 10 };

  it('uses the written date and zone', () => {
    expect(toInstant(at('2023-06-10T15:00:00.123+02:00'), undefined, 'UTC')).toBe(Date.UTC(2023, 5, 10, 13, 0, 0, 123));
    expect(toInstant(at('June 10, 2023 15:00 Eastern'), undefined, 'UTC')).toBe(Date.UTC(2023, 5, 10, 19));
    expect(toInstant(at('Jan 10, 2023 15:00 Eastern'), undefined, 'UTC')).toBe(Date.UTC(2023, 0, 10, 20));
  });

  it('falls back to the default zone', () => {
    expect(toInstant(at('2023-06-10 15:00'), undefined, 'UTC')).toBe(Date.UTC(2023, 5, 10, 15));
    expect(toInstant(at('2023-06-10 15:00'), undefined, 'America/Los_Angeles')).toBe(Date.UTC(2023, 5, 10, 22));
    expect(toInstant(at('2023-06-10 15:00'), undefined, 'No/Such_Zone')).toBeNull();
  });

  it('takes a missing date or year from the base', () => {
    expect(toInstant(at('15:00'), base, 'UTC')).toBe(Date.UTC(2023, 5, 10, 15));
    expect(toInstant(at('Jul 4 09:30'), base, 'UTC')).toBe(Date.UTC(2023, 6, 4, 9, 30));
    expect(toInstant(at('15:00'), undefined, 'UTC')).toBeNull();
    expect(toInstant(at('Jul 4 09:30'), undefined, 'UTC')).toBeNull();
  });

  it('gives midnight for a date-only part', () => {
    expect(toInstant(at('2019-12-03'), undefined, 'UTC')).toBe(Date.UTC(2019, 11, 3));
    expect(toInstant(at('2019-12-03'), undefined, '+02:00')).toBe(Date.UTC(2019, 11, 2, 22));
  });

  it('reads a wall time skipped by spring-forward as after the change', () => {
    expect(toInstant(at('2023-03-12 02:30'), undefined, 'America/New_York')).toBe(Date.UTC(2023, 2, 12, 7, 30));
    expect(toInstant(at('2023-03-12 03:30'), undefined, 'America/New_York')).toBe(Date.UTC(2023, 2, 12, 7, 30));
  });

  it('finds the calendar date in a zone', () => {
    const instant = Date.UTC(2023, 5, 11, 2);
    expect(calendarDateOf(instant, 'UTC')).toEqual({ year: 2023, month: 6, day: 11 });
    expect(calendarDateOf(instant, 'America/Los_Angeles')).toEqual({ year: 2023, month: 6, day: 10 });
    expect(calendarDateOf(instant, '+05:30')).toEqual({ year: 2023, month: 6, day: 11 });
  });
});

describe('parseDuration', () => {
  it('reads a 12-hour range with a parenthesised zone', () => {
    const d = parseDuration('June 10, 2023, 03:00 PM - 05:30 PM (UTC)');
    expect(d.zone).toBe('UTC');
    expect(d.start).toMatchObject({ year: 2023, month: 6, day: 10, hour: 15, minute: 0 });
    expect(d.end).toMatchObject({ hour: 17, minute: 30 });
    expect(d.end?.day).toBeUndefined();
  });

  it('reads a range across days', () => {
    const d = parseDuration('2023-06-10 15:00 – 2023-06-11 02:00 UTC');
    expect(d.zone).toBe('UTC');
    expect(d.start).toMatchObject({ year: 2023, month: 6, day: 10, hour: 15 });
    expect(d.end).toMatchObject({ year: 2023, month: 6, day: 11, hour: 2, minute: 0 });
  });

  it('reads a time range followed by its date', () => {
    const d = parseDuration('15:00–17:30 UTC on 2023-06-10');
    expect(d.zone).toBe('UTC');
    expect(d.start).toMatchObject({ year: 2023, month: 6, day: 10, hour: 15, minute: 0 });
    expect(d.end).toMatchObject({ hour: 17, minute: 30 });
  });

  it('reads "to" with full dates and no zone', () => {
    const d = parseDuration('June 10, 2023 15:00 to June 11, 2023 01:00');
    expect(d.zone).toBeUndefined();
    expect(d.start).toMatchObject({ year: 2023, month: 6, day: 10, hour: 15 });
    expect(d.end).toMatchObject({ year: 2023, month: 6, day: 11, hour: 1 });
  });

  it('finds the range after leading words and a zone after it', () => {
    const d = parseDuration('3 hours (15:00-18:00, UTC)');
    expect(d.start).toMatchObject({ hour: 15 });
    expect(d.end).toMatchObject({ hour: 18 });
    expect(d.zone).toBe('UTC');
    expect(parseDuration('From 15:00 until 17:30 (all times PST)')).toMatchObject({ start: { hour: 15 }, end: { hour: 17, minute: 30 }, zone: '-08:00' });
  });

  it('returns nulls for what it cannot read', () => {
    expect(parseDuration('about 3 hours')).toEqual({ start: null, end: null });
    expect(parseDuration('2023-06-10 15:00, ongoing')).toMatchObject({ start: { hour: 15 }, end: null });
    expect(parseDuration('TBD - TBD')).toEqual({ start: null, end: null });
  });
});

describe('findZoneHint', () => {
  it.each([
    ['Timeline (UTC)', 'UTC'],
    ['Timeline (all times PST)', '-08:00'],
    ['All times in UTC', 'UTC'],
    ['All times are Eastern', 'America/New_York'],
    ['Times are in UTC+2', '+02:00'],
    ['All times are shown in Pacific Time.', 'America/Los_Angeles'],
    ['Timeline (June 10, CEST)', '+02:00'],
    ['Time zone: Europe/Berlin', 'Europe/Berlin'],
    ['Timeline — UTC', 'UTC'],
    ['Timeline [America/New_York]', 'America/New_York'],
  ])('%j → %s', (text, zone) => {
    expect(findZoneHint(text)).toBe(zone);
  });

  it.each([
    'Timeline',
    'We met at the Pacific office at noon',
    'The Eastern region failed over at 15:00 PST',
    'Times Square was quiet',
    'Impact (Central region)',
    'Action items (3)',
    'At UTC midnight the cron job ran',
    'Look at the times in Mountain View',
  ])('%j has no hint', (text) => {
    expect(findZoneHint(text)).toBeUndefined();
  });
});
