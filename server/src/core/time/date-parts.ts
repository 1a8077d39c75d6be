import type { DateOrder } from './types.js';
import { BAD, countDigits, isLetter, numberAt, readLetters, skipSpaces, startsWithWord, type Bad } from './chars.js';

export interface Day {
  year?: number;
  month: number;
  day: number;
  /** Written as 2023-06-10 or 2023/06/10. */
  iso: boolean;
  end: number;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTHS = new Map<string, number>([['sept', 9]]);
MONTH_NAMES.forEach((name, i) => {
  MONTHS.set(name, i + 1);
  MONTHS.set(name.slice(0, 3), i + 1);
});

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAYS = new Map<string, number>();
WEEKDAY_NAMES.forEach((name, i) => {
  WEEKDAYS.set(name, i);
  WEEKDAYS.set(name.slice(0, 3), i);
});
for (const [name, day] of [['tues', 2], ['thur', 4], ['thurs', 4]] as const) WEEKDAYS.set(name, day);

const ORDINALS = new Set(['st', 'nd', 'rd', 'th']);

function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validDay(year: number | undefined, month: number, day: number, end: number, iso: boolean): Day | Bad {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, year)) return BAD;
  return year === undefined ? { month, day, iso, end } : { year, month, day, iso, end };
}

function readMonth(s: string, i: number): { month: number; end: number } | null {
  const word = readLetters(s, i, 9);
  const month = MONTHS.get(word.toLowerCase());
  if (month === undefined) return null;
  let end = i + word.length;
  if (word.length <= 4 && s[end] === '.') end++;
  return { month, end };
}

/** A weekday name at i ("Sat", "Tuesday"): 0 (Sunday) to 6, and where the name ends. */
export function readWeekdayName(s: string, i: number): { weekday: number; end: number } | null {
  const word = readLetters(s, i, 9);
  const weekday = WEEKDAYS.get(word.toLowerCase());
  return weekday === undefined ? null : { weekday, end: i + word.length };
}

/** "Tuesday, " or "Tue. ": the weekday and where the date (or time) after it starts. */
export function readWeekday(s: string, i: number): { weekday: number; next: number } | null {
  const name = readWeekdayName(s, i);
  if (!name) return null;
  let end = name.end;
  if (s[end] === '.') end++;
  if (s[end] === ',') end++;
  const next = skipSpaces(s, end);
  return next > end ? { weekday: name.weekday, next } : null;
}

function readDayNumber(s: string, i: number): { day: number; end: number } | null {
  const n = countDigits(s, i, 2);
  if (n < 1 || n > 2) return null;
  let end = i + n;
  if (ORDINALS.has(s.slice(end, end + 2).toLowerCase()) && !isLetter(s[end + 2])) end += 2;
  return { day: numberAt(s, i, n), end };
}

/** ", 2023" or " 2023" after a day or month; a plausible year only, so "Jun 10 1625" stays a date. */
function readYear(s: string, k: number): { year: number; end: number } | null {
  const j = skipSpaces(s, s[k] === ',' ? k + 1 : k);
  if (j === k || countDigits(s, j, 4) !== 4) return null;
  const year = numberAt(s, j, 4);
  return year >= 1900 && year < 2200 ? { year, end: j + 4 } : null;
}

function readIsoDate(s: string, i: number): Day | Bad | null {
  if (countDigits(s, i, 4) !== 4) return null;
  const sep = s[i + 4];
  if (sep !== '-' && sep !== '/') return null;
  const monthLength = countDigits(s, i + 5, 2);
  if (monthLength < 1 || monthLength > 2) return null;
  const j = i + 5 + monthLength;
  if (s[j] !== sep) return null;
  const dayLength = countDigits(s, j + 1, 2);
  if (dayLength < 1 || dayLength > 2) return null;
  return validDay(numberAt(s, i, 4), numberAt(s, i + 5, monthLength), numberAt(s, j + 1, dayLength), j + 1 + dayLength, true);
}

/** "June 10", "Jun. 10th, 2023". */
function readMonthFirst(s: string, i: number): Day | Bad | null {
  const month = readMonth(s, i);
  if (!month) return null;
  const j = skipSpaces(s, month.end);
  const day = j > month.end ? readDayNumber(s, j) : null;
  if (!day) return null;
  const year = readYear(s, day.end);
  return validDay(year?.year, month.month, day.day, year?.end ?? day.end, false);
}

/** "10 June 2023", "10th of June". */
function readDayFirst(s: string, i: number): Day | Bad | null {
  const day = readDayNumber(s, i);
  if (!day) return null;
  let j = skipSpaces(s, day.end);
  if (j === day.end) return null;
  if (startsWithWord(s, j, 'of')) {
    const k = skipSpaces(s, j + 2);
    if (k === j + 2) return null;
    j = k;
  }
  const month = readMonth(s, j);
  if (!month) return null;
  const year = readYear(s, month.end);
  return validDay(year?.year, month.month, day.day, year?.end ?? month.end, false);
}

/**
 * "03/01", "3/1/2024", "01.03.2024": read only in the order the template names, never guessed.
 * A dotted date needs its year, since "14.43" is a time.
 */
function readNumericDate(s: string, i: number, order: DateOrder): Day | Bad | null {
  if (order === 'ymd') return null;
  const first = countDigits(s, i, 2);
  const sep = s[i + first];
  if (first < 1 || first > 2 || (sep !== '/' && sep !== '.')) return null;
  const secondAt = i + first + 1;
  const second = countDigits(s, secondAt, 2);
  if (second < 1 || second > 2) return null;
  let end = secondAt + second;
  let year: number | undefined;
  if (s[end] === sep) {
    const digits = countDigits(s, end + 1, 4);
    if (digits === 4 || digits === 2) {
      const written = numberAt(s, end + 1, digits);
      year = digits === 2 ? 2000 + written : written;
      end += 1 + digits;
    }
  }
  if (sep === '.' && year === undefined) return null;
  const a = numberAt(s, i, first);
  const b = numberAt(s, secondAt, second);
  const [month, day] = order === 'mdy' ? [a, b] : [b, a];
  return validDay(year, month, day, end, false);
}

export function readDate(s: string, i: number, order: DateOrder = 'ymd'): Day | Bad | null {
  return readMonthFirst(s, i) ?? readIsoDate(s, i) ?? readDayFirst(s, i) ?? readNumericDate(s, i, order);
}
