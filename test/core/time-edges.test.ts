// Timestamps, zones and Durations at the edges the mutation run found untested: where a clock,
// a date part, an offset or a zone word stops being one, and what a Duration returns when a part
// is missing. Each row is what the linter reads; null is "not a timestamp".
import { describe, expect, it } from 'vitest';
import { findZoneHint, parseDuration, parseTimestamp, type TimestampParts } from '../../server/src/core/time/index.js';

type Expected = Omit<Partial<TimestampParts>, 'length'> & { length: number };
const parts = (expected: Expected): TimestampParts => ({ approximate: false, dateOnly: false, ...expected });
const at15 = (length: number, extra: Partial<TimestampParts> = {}) => parts({ hour: 15, minute: 0, length, ...extra });

describe('parseTimestamp: clocks', () => {
  it.each([
    ['15:00:59', parts({ hour: 15, minute: 0, second: 59, length: 8 })],
    ['2024-03-01 am', parts({ year: 2024, month: 3, day: 1, dateOnly: true, length: 10 })],
    ['2024-03-01 123:45', parts({ year: 2024, month: 3, day: 1, dateOnly: true, length: 10 })],
  ] as const)('%j', (text, expected) => {
    expect(parseTimestamp(text)).toStrictEqual(expected);
  });
  it.each(['9.3 pm', '9:3 pm', '3 xm'])('%j is not a time', (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });
  it('checks a bare HHMM as a 24-hour time', () => {
    expect(parseTimestamp('2500', { allowBareHHMM: true })).toBeNull();
    expect(parseTimestamp('2359', { allowBareHHMM: true })).toStrictEqual(parts({ hour: 23, minute: 59, length: 4 }));
  });
});

describe('parseTimestamp: dates', () => {
  it.each(['abcd-06-10', '2023.06.10', '2023-006-10', '2023-06-001', 'June 10x2023', 'June 10T15:00', '10 June/15:00'])('%j is not a timestamp', (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });
  it.each([
    ['Jun 10 20..', parts({ month: 6, day: 10, dateOnly: true, length: 6 })],
    ['2024-03-01/~09:05', parts({ year: 2024, month: 3, day: 1, dateOnly: true, length: 10 })],
  ] as const)('%j', (text, expected) => {
    expect(parseTimestamp(text)).toStrictEqual(expected);
  });
  it('reads a time whose “on” date part is not a date as the time alone', () => {
    for (const text of ['15:00 on 2023--10', '15:00 on 2023-06-x', '15:00 on June x', '15:00 on June 123']) expect(parseTimestamp(text), text).toStrictEqual(at15(5));
    for (const text of ['15:00 on /01/2024', '15:00 on 03//2024']) expect(parseTimestamp(text, { dateOrder: 'dmy' }), text).toStrictEqual(at15(5));
  });
  it('reads a numeric date with its time only after a space', () => {
    expect(parseTimestamp('03/01/2024T10:00', { dateOrder: 'dmy' })).toBeNull();
    expect(parseTimestamp('03/01/2024 10:00', { dateOrder: 'dmy' })).toStrictEqual(parts({ year: 2024, month: 1, day: 3, hour: 10, minute: 0, length: 16 }));
  });
});

describe('parseTimestamp: zones', () => {
  it.each([
    ['15:00 UTC+012', at15(5)],
    ['15:00 UTC+5 30', at15(11, { zone: '+05:00' })],
    ['15:00 UTC 5', at15(9, { zone: 'UTC' })],
    ['15:00 Eastern Standardtime', at15(5)],
    ['15:00 Eastern Standard foo', at15(5)],
    ['15:00 Mars/Olympus', at15(5)],
    ['15:00 (-07)', at15(11, { zone: '-07:00' })],
    ['15:00 +05:00x', at15(5)],
    ['2023-06-10T15:00 -07', parts({ year: 2023, month: 6, day: 10, hour: 15, minute: 0, length: 16 })],
  ] as const)('%j', (text, expected) => {
    expect(parseTimestamp(text)).toStrictEqual(expected);
  });
  it('does not read a zone followed by a number', () => {
    expect(parseTimestamp('15:00 UTC:5')).toBeNull();
  });
});

describe('findZoneHint: edges', () => {
  it.each([
    ['Timeline (-07)', '-07:00'], ['Timeline (europe/berlin)', 'Europe/Berlin'], ['Times are -07', '-07:00'],
    ['Times and dates: times are UTC', 'UTC'], ['Timeline UTC ', 'UTC'],
  ])('%j → %s', (text, zone) => {
    expect(findZoneHint(text)).toBe(zone);
  });
  it.each(['Timeline (UTC foo)', 'Timeline (pst)', 'times in UTC5 now'])('%j has no hint', (text) => {
    expect(findZoneHint(text)).toBeUndefined();
  });
});

describe('parseDuration: edges', () => {
  it('returns no zone key when it finds none', () => {
    expect(parseDuration('15:00 - 16:00')).toStrictEqual({ start: at15(13), end: parts({ hour: 16, minute: 0, length: 5 }) });
    expect(parseDuration('soon')).toStrictEqual({ start: null, end: null });
  });
  it('looks for a zone after the range past at most three commas or spaces, and not a dash-short offset', () => {
    expect(parseDuration('15:00 - 16:00 ,,, UTC').zone).toBeUndefined();
    expect(parseDuration('15:00 - 16:00, -07').zone).toBeUndefined();
    expect(parseDuration('15:00 - 16:00,, UTC').zone).toBe('UTC');
  });
  it('reads from the first 200 characters only, and no bare HHMM', () => {
    expect(parseDuration(`${'x'.repeat(199)} 15:00`)).toStrictEqual({ start: null, end: null });
    expect(parseDuration(`${'x'.repeat(198)} 15:00`).start).toStrictEqual(at15(5));
    expect(parseDuration('1000 - 1100')).toStrictEqual({ start: null, end: null });
  });
  it('has no end for a range whose end is an impossible date', () => {
    expect(parseDuration('June 10 - June 31')).toStrictEqual({ start: parts({ month: 6, day: 10, dateOnly: true, length: 7 }), end: null });
  });
});
