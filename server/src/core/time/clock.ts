import { BAD, countDigits, isLetter, isSpace, numberAt, type Bad } from './chars.js';

export interface Clock {
  hour: number;
  minute: number;
  second?: number;
  millisecond?: number;
  end: number;
}

/** " PM", "pm", " a.m.": returns whether it is PM and where it ends. */
function readAmPm(s: string, i: number): { pm: boolean; end: number } | null {
  let j = isSpace(s[i]) ? i + 1 : i;
  const half = s[j]?.toLowerCase();
  if (half !== 'a' && half !== 'p') return null;
  j++;
  const dotted = s[j] === '.';
  if (dotted) j++;
  if (s[j]?.toLowerCase() !== 'm') return null;
  j++;
  if (dotted && s[j] === '.') j++;
  return isLetter(s[j]) ? null : { pm: half === 'p', end: j };
}

/** Fractional seconds: up to 9 digits, milliseconds kept. */
function readFraction(s: string, i: number): { millisecond: number; end: number } | null {
  if (s[i] !== '.') return null;
  const n = countDigits(s, i + 1, 9);
  if (n < 1 || n > 9) return null;
  const kept = Math.min(n, 3);
  return { millisecond: numberAt(s, i + 1, kept) * 10 ** (3 - kept), end: i + 1 + n };
}

/**
 * A time of day at i: 15:00, 15:00:07.123, 3:00pm, 3 PM, 14.43, and 1625 when allowed.
 * Returns BAD for a time shape with impossible values (25:00, 12:61, 13 PM).
 */
export function readClock(s: string, i: number, allowBareHHMM: boolean): Clock | Bad | null {
  const n = countDigits(s, i, 4);
  if (n === 4) {
    if (!allowBareHHMM) return null;
    return checked({ hour: numberAt(s, i, 2), minute: numberAt(s, i + 2, 2), end: i + 4 }, false);
  }
  if (n < 1 || n > 2) return null;
  const clock: Clock = { hour: numberAt(s, i, n), minute: 0, end: i + n };
  let form: 'colon' | 'dot' | 'hour' = 'hour';
  if (s[clock.end] === ':' && countDigits(s, clock.end + 1, 2) === 2) {
    form = 'colon';
    clock.minute = numberAt(s, clock.end + 1, 2);
    clock.end += 3;
    if (s[clock.end] === ':' && countDigits(s, clock.end + 1, 2) === 2) {
      clock.second = numberAt(s, clock.end + 1, 2);
      clock.end += 3;
      const fraction = readFraction(s, clock.end);
      if (fraction) {
        clock.millisecond = fraction.millisecond;
        clock.end = fraction.end;
      }
    }
  } else if ((s[clock.end] === 'h' || s[clock.end] === 'H') && countDigits(s, clock.end + 1, 2) === 2) {
    // "11h05", as French- and German-speaking teams write it.
    form = 'colon';
    clock.minute = numberAt(s, clock.end + 1, 2);
    clock.end += 3;
  } else if (s[clock.end] === '.' && countDigits(s, clock.end + 1, 2) === 2) {
    form = 'dot';
    clock.minute = numberAt(s, clock.end + 1, 2);
    clock.end += 3;
  }
  const ampm = readAmPm(s, clock.end);
  // "3" alone is a count, and "3.14" a number; they are times only with am/pm.
  if (!ampm && (form === 'hour' || (form === 'dot' && n === 1))) return null;
  if (!ampm) return checked(clock, false);
  if (clock.hour < 1 || clock.hour > 12) return BAD;
  clock.hour = (clock.hour % 12) + (ampm.pm ? 12 : 0);
  clock.end = ampm.end;
  return checked(clock, true);
}

function checked(clock: Clock, twelveHour: boolean): Clock | Bad {
  if ((!twelveHour && clock.hour > 23) || clock.minute > 59 || (clock.second ?? 0) > 59) return BAD;
  return clock;
}
