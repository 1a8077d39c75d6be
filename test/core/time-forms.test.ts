// How written times read, beyond the common forms of time.test.ts: the edges of each part of a
// timestamp (clock, date, weekday, approximation, range, zone), where a reading stops, and which
// near misses are not read at all. Each row is what the linter takes the text to mean.
import { describe, expect, it } from 'vitest';
import { findZoneHint, parseDuration, parseTimestamp, parseZone, type TimestampParts } from '../../server/src/core/time/index.js';

type Expected = Omit<Partial<TimestampParts>, 'length'> & { length: number };
const parts = (expected: Expected): TimestampParts => ({ approximate: false, dateOnly: false, ...expected });

const READINGS: [string, Expected][] = [
  ['3 p.m.', { hour: 15, minute: 0, length: 6 }],
  ['3 P.M', { hour: 15, minute: 0, length: 5 }],
  ['3:00 AM', { hour: 3, minute: 0, length: 7 }],
  ['12:00 pm', { hour: 12, minute: 0, length: 8 }],
  ['15:00:07.5', { hour: 15, minute: 0, second: 7, millisecond: 500, length: 10 }],
  ['15:00:07.123456789', { hour: 15, minute: 0, second: 7, millisecond: 123, length: 18 }],
  ['15:00:07.', { hour: 15, minute: 0, second: 7, length: 8 }],
  ['11h05', { hour: 11, minute: 5, length: 5 }],
  ['11H05', { hour: 11, minute: 5, length: 5 }],
  ['09.30', { hour: 9, minute: 30, length: 5 }],
  ['9.30 am', { hour: 9, minute: 30, length: 7 }],
  ['2024-02-29', { year: 2024, month: 2, day: 29, dateOnly: true, length: 10 }],
  ['2000-02-29', { year: 2000, month: 2, day: 29, dateOnly: true, length: 10 }],
  ['2023-04-30', { year: 2023, month: 4, day: 30, dateOnly: true, length: 10 }],
  ['2023-12-31', { year: 2023, month: 12, day: 31, dateOnly: true, length: 10 }],
  ['2023-01-31', { year: 2023, month: 1, day: 31, dateOnly: true, length: 10 }],
  ['2023-02-28', { year: 2023, month: 2, day: 28, dateOnly: true, length: 10 }],
  ['sept. 5', { month: 9, day: 5, dateOnly: true, length: 7 }],
  ['Jun. 10', { month: 6, day: 10, dateOnly: true, length: 7 }],
  ['June. 10', { month: 6, day: 10, dateOnly: true, length: 8 }],
  ['Tue. June 10', { month: 6, day: 10, weekday: 2, dateOnly: true, length: 12 }],
  ['Thurs, June 12', { month: 6, day: 12, weekday: 4, dateOnly: true, length: 14 }],
  ['Tuesday June 10', { month: 6, day: 10, weekday: 2, dateOnly: true, length: 15 }],
  ['Thur Jun 12', { month: 6, day: 12, weekday: 4, dateOnly: true, length: 11 }],
  ['Tues Jun 10', { month: 6, day: 10, weekday: 2, dateOnly: true, length: 11 }],
  ['10th June', { month: 6, day: 10, dateOnly: true, length: 9 }],
  ['1st of May', { month: 5, day: 1, dateOnly: true, length: 10 }],
  ['2nd May', { month: 5, day: 2, dateOnly: true, length: 7 }],
  ['3rd May', { month: 5, day: 3, dateOnly: true, length: 7 }],
  ['June 10th, 2023', { year: 2023, month: 6, day: 10, dateOnly: true, length: 15 }],
  ['June 10 2023', { year: 2023, month: 6, day: 10, dateOnly: true, length: 12 }],
  ['Jun 10 2199', { year: 2199, month: 6, day: 10, dateOnly: true, length: 11 }],
  ['Jun 10 2200', { month: 6, day: 10, hour: 22, minute: 0, length: 11 }],
  ['Jun 10 1900', { year: 1900, month: 6, day: 10, dateOnly: true, length: 11 }],
  ['Jun 10 1859', { month: 6, day: 10, hour: 18, minute: 59, length: 11 }],
  ['Jun 10,2023', { year: 2023, month: 6, day: 10, dateOnly: true, length: 11 }],
  ['2023-6-1', { year: 2023, month: 6, day: 1, dateOnly: true, length: 8 }],
  ['2023/6/1', { year: 2023, month: 6, day: 1, dateOnly: true, length: 8 }],
  ['10 of June', { month: 6, day: 10, dateOnly: true, length: 10 }],
  ['10  June 2023', { year: 2023, month: 6, day: 10, dateOnly: true, length: 13 }],
  ['~ 03:05', { hour: 3, minute: 5, approximate: true, length: 7 }],
  ['approx 03:05', { hour: 3, minute: 5, approximate: true, length: 12 }],
  ['approx.03:05', { hour: 3, minute: 5, approximate: true, length: 12 }],
  ['ca. 10:00', { hour: 10, minute: 0, approximate: true, length: 9 }],
  ['around 10:00', { hour: 10, minute: 0, approximate: true, length: 12 }],
  ['roughly 10:00', { hour: 10, minute: 0, approximate: true, length: 13 }],
  ['approximately 10:00', { hour: 10, minute: 0, approximate: true, length: 19 }],
  ['∼10:00', { hour: 10, minute: 0, approximate: true, length: 6 }],
  ['15:00ish', { hour: 15, minute: 0, approximate: true, length: 8 }],
  ['Fri 11:10', { hour: 11, minute: 10, weekday: 5, length: 9 }],
  ['Fri 1110', { hour: 11, minute: 10, weekday: 5, length: 8 }],
  ['15:00 UTC (Sat)', { hour: 15, minute: 0, zone: 'UTC', weekday: 6, length: 15 }],
  ['15:00 Sat', { hour: 15, minute: 0, weekday: 6, length: 9 }],
  ['15:00, Saturday', { hour: 15, minute: 0, weekday: 6, length: 15 }],
  ['15:00 (Sat', { hour: 15, minute: 0, length: 5 }],
  ['15:00 Saturn', { hour: 15, minute: 0, length: 5 }],
  ['15:00 Sat.', { hour: 15, minute: 0, weekday: 6, length: 10 }],
  ['2024-06-08 (Saturday)', { year: 2024, month: 6, day: 8, weekday: 6, dateOnly: true, length: 21 }],
  ['2024-06-08 (Sat) 10:00', { year: 2024, month: 6, day: 8, weekday: 6, dateOnly: true, length: 16 }],
  ['2024-03-01T09:05', { year: 2024, month: 3, day: 1, hour: 9, minute: 5, length: 16 }],
  ['2024-03-01/09:05', { year: 2024, month: 3, day: 1, hour: 9, minute: 5, length: 16 }],
  ['2024-03-01/x', { year: 2024, month: 3, day: 1, dateOnly: true, length: 10 }],
  ['June 10 at 15:00', { month: 6, day: 10, hour: 15, minute: 0, length: 16 }],
  ['June 10 @ 15:00', { month: 6, day: 10, hour: 15, minute: 0, length: 15 }],
  ['June 10 @15:00', { month: 6, day: 10, dateOnly: true, length: 7 }],
  ['June 10 at15:00', { month: 6, day: 10, dateOnly: true, length: 7 }],
  ['June 10, 15:00', { month: 6, day: 10, hour: 15, minute: 0, length: 14 }],
  ['2024-05-12 ~08:15', { year: 2024, month: 5, day: 12, hour: 8, minute: 15, approximate: true, length: 17 }],
  ['2024-03-01 0905', { year: 2024, month: 3, day: 1, hour: 9, minute: 5, length: 15 }],
  ['15:00 until 16:00', { hour: 15, minute: 0, length: 17 }],
  ['15:00 till 16:00', { hour: 15, minute: 0, length: 16 }],
  ['15:00 through 16:00', { hour: 15, minute: 0, length: 19 }],
  ['15:00 thru 16:00', { hour: 15, minute: 0, length: 16 }],
  ['15:00 → 16:00', { hour: 15, minute: 0, length: 13 }],
  ['15:00->16:00', { hour: 15, minute: 0, length: 12 }],
  ['15:00—16:00', { hour: 15, minute: 0, length: 11 }],
  ['15:00 − 16:00', { hour: 15, minute: 0, length: 13 }],
  ['15:00 - June 11', { hour: 15, minute: 0, length: 5 }],
  ['15:00 to16:00', { hour: 15, minute: 0, length: 5 }],
  ['15:00 until', { hour: 15, minute: 0, length: 5 }],
  ['June 10 - June 11 15:00', { month: 6, day: 10, dateOnly: true, length: 7 }],
  ['15:00 - 16:00 UTC', { hour: 15, minute: 0, zone: 'UTC', length: 17 }],
  ['15:00 PST - 16:00 UTC', { hour: 15, minute: 0, zone: '-08:00', length: 21 }],
  ['15:00 IST - 16:00 UTC', { hour: 15, minute: 0, zone: '+05:30', ambiguousZone: 'IST', length: 21 }],
  ['15:00 - 16:00 IST', { hour: 15, minute: 0, zone: '+05:30', length: 17 }],
  ['15:00 on Tuesday, 2023-06-10', { year: 2023, month: 6, day: 10, hour: 15, minute: 0, length: 28 }],
  ['15:00 on', { hour: 15, minute: 0, length: 5 }],
  ['15:00 onJune 10', { hour: 15, minute: 0, length: 5 }],
  ['15:00 UTC on June 10', { month: 6, day: 10, hour: 15, minute: 0, zone: 'UTC', length: 20 }],
  ['15:00 +0530', { hour: 15, minute: 0, zone: '+05:30', length: 11 }],
  ['15:00 +05:45', { hour: 15, minute: 0, zone: '+05:45', length: 12 }],
  ['15:00 +15:00', { hour: 15, minute: 0, length: 5 }],
  ['15:00 +14:00', { hour: 15, minute: 0, zone: '+14:00', length: 12 }],
  ['15:00 +05:60', { hour: 15, minute: 0, length: 5 }],
  ['15:00 UTC+5', { hour: 15, minute: 0, zone: '+05:00', length: 11 }],
  ['15:00 +5', { hour: 15, minute: 0, length: 5 }],
  ['2023-06-10T15:00-07', { year: 2023, month: 6, day: 10, hour: 15, minute: 0, zone: '-07:00', length: 19 }],
  ['15:00 -07', { hour: 15, minute: 0, length: 5 }],
  ['15:00 UTC-0:30', { hour: 15, minute: 0, zone: '-00:30', length: 14 }],
  ['15:00 UTC-00:30', { hour: 15, minute: 0, zone: '-00:30', length: 15 }],
  ['15:00 UTC+05', { hour: 15, minute: 0, zone: '+05:00', length: 12 }],
  ['15:00 GMT+1', { hour: 15, minute: 0, zone: '+01:00', length: 11 }],
  ['15:00 Eastern Daylight Time', { hour: 15, minute: 0, zone: '-04:00', length: 27 }],
  ['15:00 Pacific Standard Time', { hour: 15, minute: 0, zone: '-08:00', length: 27 }],
  ['15:00 Central  Time', { hour: 15, minute: 0, zone: 'America/Chicago', length: 19 }],
  ['15:00 Mountain Standard', { hour: 15, minute: 0, length: 5 }],
  ['15:00 Eastern,', { hour: 15, minute: 0, zone: 'America/New_York', length: 13 }],
  ['15:00 Central Daylight  Time', { hour: 15, minute: 0, zone: '-05:00', length: 28 }],
  ['15:00 Central Standard time', { hour: 15, minute: 0, zone: '-06:00', length: 27 }],
  ['15:00 PST/PDT', { hour: 15, minute: 0, zone: 'America/Los_Angeles', length: 13 }],
  ['15:00 PDT/PST', { hour: 15, minute: 0, zone: 'America/Los_Angeles', length: 13 }],
  ['15:00 pst/pdt', { hour: 15, minute: 0, length: 5 }],
  ['15:00 CET/CEST', { hour: 15, minute: 0, zone: 'Europe/Berlin', length: 14 }],
  ['15:00 pst', { hour: 15, minute: 0, length: 5 }],
  ['15:00 CST', { hour: 15, minute: 0, zone: '-06:00', ambiguousZone: 'CST', length: 9 }],
  ['15:00 UT', { hour: 15, minute: 0, zone: 'UTC', length: 8 }],
  ['15:00 ET', { hour: 15, minute: 0, zone: 'America/New_York', length: 8 }],
  ['15:00 Europe/Zurich', { hour: 15, minute: 0, zone: 'Europe/Zurich', length: 19 }],
  ['15:00 US/Pacific', { hour: 15, minute: 0, zone: 'America/Los_Angeles', length: 16 }],
  ['15:00 America/Argentina/Buenos_Aires', { hour: 15, minute: 0, zone: 'America/Buenos_Aires', length: 36 }],
  ['15:00 Zurich time', { hour: 15, minute: 0, zone: 'Europe/Zurich', length: 17 }],
  ['15:00 UK time', { hour: 15, minute: 0, zone: 'Europe/London', length: 13 }],
  ['15:00 New York time', { hour: 15, minute: 0, zone: 'America/New_York', length: 19 }],
  ['15:00 Atlantis time', { hour: 15, minute: 0, length: 5 }],
  ['15:00 British time', { hour: 15, minute: 0, zone: 'Europe/London', length: 18 }],
  ['15:00 Irish Time', { hour: 15, minute: 0, zone: 'Europe/Dublin', length: 16 }],
  ['15:00 ( UTC )', { hour: 15, minute: 0, zone: 'UTC', length: 13 }],
  ['15:00 (UTC', { hour: 15, minute: 0, length: 5 }],
  ['15:00 UTCx', { hour: 15, minute: 0, length: 5 }],
  ['15:00  UTC', { hour: 15, minute: 0, zone: 'UTC', length: 10 }],
  ['15:00   UTC', { hour: 15, minute: 0, length: 5 }],
  ['15:00 (Europe/Berlin)', { hour: 15, minute: 0, zone: 'Europe/Berlin', length: 21 }],
  ['15:00 , x', { hour: 15, minute: 0, length: 5 }],
  // Where a reading stops: what follows is not part of it.
  ['15:00-ishy', { hour: 15, minute: 0, length: 5 }],
  ['15:00(Sat)', { hour: 15, minute: 0, length: 5 }],
  ['15:00 Sat.x', { hour: 15, minute: 0, length: 5 }],
  ['15:00 x 16:00', { hour: 15, minute: 0, length: 5 }],
  ['15:00 –> 16:00', { hour: 15, minute: 0, length: 5 }],
  ['15:00 - 1610', { hour: 15, minute: 0, length: 5 }],
  ['15:00 on2023-06-10', { hour: 15, minute: 0, length: 5 }],
  ['June 10 on June 11', { month: 6, day: 10, dateOnly: true, length: 7 }],
  ['June 10 15:00 on June 11', { month: 6, day: 10, hour: 15, minute: 0, length: 13 }],
  ['2024-03-01/9:05', { year: 2024, month: 3, day: 1, hour: 9, minute: 5, length: 15 }],
  ['2024-03-01/TBD', { year: 2024, month: 3, day: 1, dateOnly: true, length: 10 }],  // Spaces (tabs, no-break spaces), case, ordinals, zone words and offsets at their limits.
  ['15:00\u00a0UTC', { hour: 15, minute: 0, zone: 'UTC', length: 9 }],
  ['15:00\tUTC', { hour: 15, minute: 0, zone: 'UTC', length: 9 }],
  ['3\u202fPM', { hour: 15, minute: 0, length: 4 }],
  ['15:00    UTC', { hour: 15, minute: 0, length: 5 }],
  ['June 10 AT 15:00', { month: 6, day: 10, hour: 15, minute: 0, length: 16 }],
  ['15:00.', { hour: 15, minute: 0, length: 5 }],
  ['15:00:', { hour: 15, minute: 0, length: 5 }],
  ['15:00,', { hour: 15, minute: 0, length: 5 }],
  ['15:00-', { hour: 15, minute: 0, length: 5 }],
  ['3 a.m', { hour: 3, minute: 0, length: 5 }],
  ['3 am.', { hour: 3, minute: 0, length: 4 }],
  ['15:00:07.12', { hour: 15, minute: 0, second: 7, millisecond: 120, length: 11 }],
  ['11:59 pm', { hour: 23, minute: 59, length: 8 }],
  ['JUNE 10', { month: 6, day: 10, dateOnly: true, length: 7 }],
  ['Tue., June 10', { month: 6, day: 10, weekday: 2, dateOnly: true, length: 13 }],
  ['1ST May', { month: 5, day: 1, dateOnly: true, length: 7 }],
  ['June 10,  2023', { year: 2023, month: 6, day: 10, dateOnly: true, length: 14 }],
  ['June 10 ,2023', { month: 6, day: 10, dateOnly: true, length: 7 }],
  ['15:00 PST/pdt', { hour: 15, minute: 0, zone: '-08:00', length: 9 }],
  ['15:00 PST/XYZ', { hour: 15, minute: 0, zone: '-08:00', length: 9 }],
  ['15:00 Pacific Daylight Time', { hour: 15, minute: 0, zone: '-07:00', length: 27 }],
  ['15:00 Mountain Daylight Time', { hour: 15, minute: 0, zone: '-06:00', length: 28 }],
  ['15:00 Central time', { hour: 15, minute: 0, zone: 'America/Chicago', length: 18 }],
  ['15:00 Eastern Standard', { hour: 15, minute: 0, length: 5 }],
  ['15:00 Eastern (US)', { hour: 15, minute: 0, zone: 'America/New_York', length: 13 }],
  ['15:00 Eastern  time', { hour: 15, minute: 0, zone: 'America/New_York', length: 19 }],
  ['15:00 Eastern   time', { hour: 15, minute: 0, zone: 'America/New_York', length: 13 }],
  ['15:00 europe/zurich', { hour: 15, minute: 0, length: 5 }],
  ['15:00 Los Angeles time', { hour: 15, minute: 0, zone: 'America/Los_Angeles', length: 22 }],
  ['15:00 Sao Paulo time', { hour: 15, minute: 0, zone: 'America/Sao_Paulo', length: 20 }],
  ['15:00 (  UTC)', { hour: 15, minute: 0, length: 5 }],
  ['15:00 UTC-9:30', { hour: 15, minute: 0, zone: '-09:30', length: 14 }],
  ['15:00 +05:59', { hour: 15, minute: 0, zone: '+05:59', length: 12 }],
  ['15:00Z)', { hour: 15, minute: 0, zone: 'UTC', length: 6 }],
  ['15:00 Z', { hour: 15, minute: 0, zone: 'UTC', length: 7 }],
  ['15:00 UTC+14', { hour: 15, minute: 0, zone: '+14:00', length: 12 }],
  ['15:00 GMT+15', { hour: 15, minute: 0, length: 5 }],
];

describe('parseTimestamp: edges of each part', () => {
  // Strict: a part not written is absent, not present and undefined.
  it.each(READINGS)('%j', (text, expected) => {
    expect(parseTimestamp(text)).toStrictEqual(parts(expected));
  });
});

describe('parseTimestamp: near misses that are not read', () => {
  it.each([
    '3pmx', '15:00:07.1234567890', '11h5', '9.30', '24:00', '23:59:60', '23:60', '1900-02-29', '2023-04-31',
    '2023-13-01', '2023-00-10', '2023-06-00', '2023-11-31', 'September. 5', 'Tuesday,June 10', 'June 10th2',
    '10thx June', '2023-06/10', '2023-123-01', '2023-06-100', '10June', '10 ofJune', '31 April', 'about10:00',
    '15:00ishy', '2024-05-12 TBD', '2023-06-10T1500', '2024-03-01 25:00', '15:00 on June 31', '15:00Zulu',
    '15:00%', '15:00,5', '15:00.5', '15:00/3', '15:00-3',
    '15:00_x', '15:00é', '15:001', '3 px', '3 ap', '3a.x', '12:60 pm', '0 pm', '25h00', '24.00', '12.61', '10thirty May', '123/01', '15:00 UTC+5:3',
    '15:00Sat', '2024-03-01x09:05', 'June 10at 15:00', '15:00-07', 'Fri later', 'Fri 25:00', '15:00to 16:00', '15:00on 2023-06-10',
  ])('%j', (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });
});

describe('parseTimestamp: numeric dates, only in the order the template names', () => {
  const read = (text: string, dateOrder?: 'ymd' | 'mdy' | 'dmy') => parseTimestamp(text, { dateOrder });

  it('reads month first or day first, with a two- or four-digit year', () => {
    expect(read('03/01/2024', 'mdy')).toEqual(parts({ year: 2024, month: 3, day: 1, dateOnly: true, length: 10 }));
    expect(read('03/01/2024', 'dmy')).toEqual(parts({ year: 2024, month: 1, day: 3, dateOnly: true, length: 10 }));
    expect(read('03/01', 'mdy')).toEqual(parts({ month: 3, day: 1, dateOnly: true, length: 5 }));
    expect(read('3/1', 'dmy')).toEqual(parts({ month: 1, day: 3, dateOnly: true, length: 3 }));
    expect(read('03.01.2024', 'dmy')).toEqual(parts({ year: 2024, month: 1, day: 3, dateOnly: true, length: 10 }));
    expect(read('03/01/24 10:00', 'dmy')).toEqual(parts({ year: 2024, month: 1, day: 3, hour: 10, minute: 0, length: 14 }));
  });

  it('never guesses: not by default, not a dotted date without its year (a time), not a month 13', () => {
    expect(read('03/01')).toBeNull();
    expect(read('03/01', 'ymd')).toBeNull();
    expect(read('03.01', 'dmy')).toEqual(parts({ hour: 3, minute: 1, length: 5 }));
    expect(read('13/01/2024', 'mdy')).toBeNull();
    for (const text of ['03/01/202', '003/01', '03/001', '03-01-2024']) expect(read(text, 'dmy')).toBeNull();
  });

  it('reads four bare digits as a time only where allowed', () => {
    expect(parseTimestamp('0905', { allowBareHHMM: true })).toEqual(parts({ hour: 9, minute: 5, length: 4 }));
    expect(parseTimestamp('0905')).toBeNull();
  });
});

describe('parseDuration: where the range is found', () => {
  const range = (start: Partial<TimestampParts>, end: Partial<TimestampParts> | null) => ({
    start: expect.objectContaining(start),
    end: end && expect.objectContaining(end),
  });

  it('takes the zone from a note after the range, after commas or semicolons', () => {
    expect(parseDuration('15:00 - 16:00, UTC')).toEqual({ ...range({ hour: 15, length: 13 }, { hour: 16, length: 5 }), zone: 'UTC' });
    expect(parseDuration('15:00 - 16:00; PST')).toEqual({ ...range({ hour: 15 }, { hour: 16 }), zone: '-08:00' });
    expect(parseDuration('15:00 - 16:00 ,; UTC')).toEqual({ ...range({ hour: 15 }, { hour: 16 }), zone: 'UTC' });
    expect(parseDuration('15:00-16:00 (times in CET)')).toEqual({ ...range({ hour: 15 }, { hour: 16 }), zone: '+01:00' });
    expect(parseDuration('15:00 IST - 16:00')).toEqual({ ...range({ hour: 15, ambiguousZone: 'IST' }, { hour: 16 }), zone: '+05:30' });
  });

  it('starts reading only at the start of a word, or after an opening mark', () => {
    expect(parseDuration('(15:00 - 16:00)')).toEqual(range({ hour: 15, length: 13 }, { hour: 16 }));
    expect(parseDuration('since *15:00*')).toEqual(range({ hour: 15, length: 5 }, null));
    expect(parseDuration('at "15:00"')).toEqual(range({ hour: 15 }, null));
    expect(parseDuration('x15:00 - 16:00')).toEqual(range({ hour: 16, length: 5 }, null));
  });

  it('looks for a timestamp in the first 200 characters only, and else for a zone alone', () => {
    expect(parseDuration(`${'x'.repeat(190)} 15:00`)).toEqual(range({ hour: 15 }, null));
    expect(parseDuration(`${'x'.repeat(200)} 15:00`)).toEqual({ start: null, end: null });
    expect(parseDuration('TBD (all times UTC)')).toEqual({ start: null, end: null, zone: 'UTC' });
    expect(parseDuration('')).toEqual({ start: null, end: null });
  });
});

describe('parseZone: settings and written zones', () => {
  it.each([
    [' UTC', 'UTC'], ['Europe/Berlin ', 'Europe/Berlin'], ['PST/PDT', 'America/Los_Angeles'], ['Pacific', 'America/Los_Angeles'],
    ['pacific standard time', '-08:00'], ['z', 'UTC'], ['GMT-0', 'UTC'], ['+00:00', 'UTC'], ['Etc/GMT', 'UTC'], ['Etc/Zulu', 'UTC'],
    ['US/Eastern', 'America/New_York'], ['CET', '+01:00'], ['UTC-5', '-05:00'],
    ['europe/zurich', 'Europe/Zurich'], ['-09:30', '-09:30'], ['UTC-09:30', '-09:30'], ['PST/pdt', 'America/Los_Angeles'], ['Eastern Daylight Time', '-04:00'],
  ])('%j → %s', (text, zone) => {
    expect(parseZone(text)).toBe(zone);
  });

  it('refuses what is too long to be a zone, and POSIX-style names', () => {
    expect(parseZone('x'.repeat(65))).toBeUndefined();
    expect(parseZone(`Europe/${'x'.repeat(60)}`)).toBeUndefined();
    expect(parseZone('EST5EDT')).toBeUndefined();
    expect(parseZone('  ')).toBeUndefined();
  });
});

describe('findZoneHint: more ways to say it', () => {
  it.each([
    ['_All times in EEST_', '+03:00'], ['**Times are UTC**', 'UTC'], ['Timeline (IST)', '+05:30'], ['Timeline: UTC.', 'UTC'],
    ['tz=CET', '+01:00'], ['Time zone is Pacific', 'America/Los_Angeles'], ['Times below are in US/Pacific', 'America/Los_Angeles'],
    ['Timestamps are in Europe/Berlin.', 'Europe/Berlin'], ['Timeline (times, UTC)', 'UTC'], ['Timeline (foo; UTC)', 'UTC'],
    ['Timeline (Europe/Berlin)', 'Europe/Berlin'], ['Timeline — PST)', '-08:00'],
    ['*All times in UTC*', 'UTC'], ['Times given in UTC', 'UTC'], ['times listed as CET', '+01:00'], ['Timezone: PST', '-08:00'],
    ['times in europe/berlin', 'Europe/Berlin'], ['Timeline - EST', '-05:00'], ['Timeline: PST)', '-08:00'], ['Timeline (US/Pacific)', 'America/Los_Angeles'],
    ['times are shown in   UTC', 'UTC'],
  ])('%j → %s', (text, zone) => {
    expect(findZoneHint(text)).toBe(zone);
  });

  it.each(['Timeline UTC and more', 'times: Mars/Olympus', `${'x'.repeat(300)} Times are UTC`, 'times are UTCx', 'Timeline (UTC', 'timeline: cst', 'Timeline (2 hours)', 'All times UTC_x'])('%j has no hint', (text) => {
    expect(findZoneHint(text)).toBeUndefined();
  });
});
