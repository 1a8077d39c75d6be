// From parts to instants: offsets of written zones and IANA zones, sub-second and midnight wall
// times, DST changes, and the calendar date an instant falls on in a zone.
import { describe, expect, it } from 'vitest';
import { calendarDateOf, parseTimestamp, toInstant, zoneOffsetMinutes, type TimestampParts } from '../../server/src/core/time/index.js';

const at = (text: string) => parseTimestamp(text)!;
const utc = (text: string) => Date.parse(text);
const bare = (fields: Partial<TimestampParts>): TimestampParts => ({ approximate: false, dateOnly: false, length: 0, ...fields });

describe('zoneOffsetMinutes', () => {
  const summer = Date.UTC(2023, 6, 1, 12);

  it('is undefined for an instant that is not a number', () => {
    expect(zoneOffsetMinutes('UTC', Number.NaN)).toBeUndefined();
    expect(zoneOffsetMinutes('UTC', Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('reads written zones as written: an abbreviation fixed, a region following DST', () => {
    expect(zoneOffsetMinutes('PST', summer)).toBe(-480);
    expect(zoneOffsetMinutes('pst', 0)).toBe(-480);
    expect(zoneOffsetMinutes('Pacific', summer)).toBe(-420);
    expect(zoneOffsetMinutes('-08:30', 0)).toBe(-510);
  });

  it('reads IANA zones, half-hour ones and the inverted Etc/GMT signs included', () => {
    expect(zoneOffsetMinutes('Etc/GMT+5', 0)).toBe(-300);
    expect(zoneOffsetMinutes('Asia/Kolkata', 0)).toBe(330);
    expect(zoneOffsetMinutes('Australia/Adelaide', Date.UTC(2023, 0, 1))).toBe(630);
  });
});

describe('toInstant', () => {
  it('reads years below 100 as written, and years from 100 on the same way', () => {
    expect(new Date(toInstant(bare({ year: 50, month: 3, day: 4, hour: 5 }), undefined, 'UTC')!).toISOString()).toBe('0050-03-04T05:00:00.000Z');
    expect(new Date(toInstant(bare({ year: 100, month: 3, day: 4, hour: 5 }), undefined, 'UTC')!).toISOString()).toBe('0100-03-04T05:00:00.000Z');
    expect(new Date(toInstant(bare({ year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 59, millisecond: 999 }), undefined, 'UTC')!).toISOString()).toBe('2024-12-31T23:59:59.999Z');
  });

  it('keeps milliseconds in an IANA zone', () => {
    expect(toInstant(at('2023-06-10T15:00:00.123'), undefined, 'Europe/Berlin')).toBe(utc('2023-06-10T13:00:00.123Z'));
    expect(toInstant(at('2023-06-10T15:00:00.999'), undefined, 'America/New_York')).toBe(utc('2023-06-10T19:00:00.999Z'));
  });

  it('reads midnight in a zone east of UTC as the evening before in UTC', () => {
    expect(toInstant(at('2023-06-10 00:00'), undefined, 'Europe/Berlin')).toBe(utc('2023-06-09T22:00:00Z'));
  });

  it('reads a wall time that occurs twice at fall-back as its first occurrence', () => {
    expect(toInstant(at('2023-11-05 01:30'), undefined, 'America/New_York')).toBe(utc('2023-11-05T05:30:00Z'));
    expect(toInstant(at('2023-10-29 02:30'), undefined, 'Europe/Berlin')).toBe(utc('2023-10-29T00:30:00Z'));
  });

  it('reads a wall time skipped by spring-forward with the offset before the change, east of UTC too', () => {
    // 02:30 does not exist in Berlin on 2024-03-31: it is 03:30 CEST, not 01:30 CET an hour early.
    expect(toInstant(at('2024-03-31 02:30'), undefined, 'Europe/Berlin')).toBe(utc('2024-03-31T01:30:00Z'));
    expect(toInstant(at('2024-03-31 01:30'), undefined, 'Europe/Berlin')).toBe(utc('2024-03-31T00:30:00Z'));
    expect(toInstant(at('2024-04-07 02:30'), undefined, 'Australia/Sydney')).toBe(utc('2024-04-06T15:30:00Z'));
    expect(toInstant(at('2024-10-06 02:30'), undefined, 'Australia/Sydney')).toBe(utc('2024-10-05T16:30:00Z'));
  });

  it('takes every missing field from the base, and zero for a missing time', () => {
    const base = { year: 2021, month: 9, day: 9 };
    expect(toInstant(bare({ month: 2, day: 3, hour: 4, minute: 5, second: 6, millisecond: 7 }), base, 'UTC')).toBe(utc('2021-02-03T04:05:06.007Z'));
    expect(toInstant(bare({ hour: 4 }), base, 'UTC')).toBe(utc('2021-09-09T04:00:00Z'));
    expect(toInstant(bare({ year: 2020, hour: 4 }), base, 'UTC')).toBe(utc('2020-09-09T04:00:00Z'));
    expect(toInstant(bare({ year: 2020, month: 1 }), undefined, 'UTC')).toBeNull();
  });

  it('does not shift two-digit years into the 1900s', () => {
    expect(new Date(toInstant(bare({ year: 50, month: 1, day: 1, dateOnly: true }), undefined, 'UTC')!).getUTCFullYear()).toBe(50);
  });

  it('lets the written zone win over the default, in either form', () => {
    expect(toInstant(at('2023-06-10 15:00 PST'), undefined, 'UTC')).toBe(utc('2023-06-10T23:00:00Z'));
    expect(toInstant(at('2023-06-10 15:00'), undefined, 'Eastern')).toBe(utc('2023-06-10T19:00:00Z'));
  });
});

describe('calendarDateOf', () => {
  it('finds the day in zones on either side of UTC, across a year end, and reads an unknown zone as UTC', () => {
    expect(calendarDateOf(Date.UTC(2023, 5, 10, 23), 'Asia/Tokyo')).toEqual({ year: 2023, month: 6, day: 11 });
    expect(calendarDateOf(Date.UTC(2023, 11, 31, 23, 30), '+01:00')).toEqual({ year: 2024, month: 1, day: 1 });
    expect(calendarDateOf(Date.UTC(2023, 5, 11, 2), 'Nowhere/Zone')).toEqual({ year: 2023, month: 6, day: 11 });
  });
});
