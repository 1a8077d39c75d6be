// Writes a moment in the same style as a timestamp the author already wrote ("03:45 PM",
// "15:45", "2023-06-10 15:45", "June 10, 3:45pm"), so a new timeline entry matches the others.

/** Calendar and clock fields of a moment as read on the wall clock of the document's zone. */
export interface WallTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  /** 0-6, Sunday first. */
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const FULL_NAMES = new Set([...MONTHS, ...WEEKDAYS]);
const MONTH_WORD = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAY_WORD = String.raw`(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?`;

// One alternative per piece a timestamp is made of; the first that matches at a position wins.
const TOKEN = new RegExp(
  [
    String.raw`(?<iso>\d{4}-\d{2}-\d{2})`,
    String.raw`(?<clock>\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(?<ampm>\s?[AaPp]\.?[Mm]\.?(?![A-Za-z]))?`,
    String.raw`(?<slash>\d{1,2}/\d{1,2}(?:/\d{2}(?:\d{2})?)?)(?!\d)`,
    String.raw`(?<dayFirst>\d{1,2}(?:st|nd|rd|th)?)(?=\s+${MONTH_WORD}(?![A-Za-z]))`,
    String.raw`(?<![A-Za-z])(?<month>${MONTH_WORD})(?![A-Za-z])(?<monthDay>\s+\d{1,2}(?:st|nd|rd|th)?(?!\d))?`,
    String.raw`(?<![A-Za-z])(?<weekday>${WEEKDAY_WORD})(?![A-Za-z])`,
    String.raw`(?<![\d:])(?<number>\d{4})(?![\d:])`,
    String.raw`(?<![\d:])(?<hourOnly>\d{1,2})(?<hourAmpm>\s?[AaPp]\.?[Mm]\.?)(?![A-Za-z])`,
  ].join('|'),
  'gi',
);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `sample` with its date and time pieces replaced by `wall`; zone names and decoration stay. */
export function formatTimeLike(sample: string, wall: WallTime): string {
  const hasClock = /\d:\d{2}|\d\s?[ap]m\b/i.test(sample);
  return sample.replace(TOKEN, (match, ...rest) => {
    const g = rest[rest.length - 1] as Record<string, string | undefined>;
    if (g.iso) return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
    if (g.clock) return clock(g.clock, g.ampm, wall);
    if (g.slash) return slashDate(g.slash, wall);
    if (g.dayFirst) return ordinalLike(g.dayFirst, wall.day);
    if (g.month) return wordLike(g.month, MONTHS[wall.month - 1]) + (g.monthDay ? g.monthDay.replace(/\d+(?:st|nd|rd|th)?/i, (d) => ordinalLike(d, wall.day)) : '');
    if (g.weekday) return wordLike(g.weekday, WEEKDAYS[wall.weekday]);
    if (g.number) {
      // A four-digit number is a year next to a date, else a bare "1545" clock.
      const year = Number(g.number) >= 1900 && Number(g.number) <= 2200;
      if (year && (hasClock || /[a-z]/i.test(sample))) return String(wall.year);
      return hasClock ? match : `${pad(wall.hour)}${pad(wall.minute)}`;
    }
    if (g.hourOnly) return `${numberLike(g.hourOnly, wall.hour % 12 || 12)}${amPmLike(g.hourAmpm!, wall)}`;
    return match;
  });
}

function clock(sample: string, ampm: string | undefined, wall: WallTime): string {
  const [hours, , secondsPart] = sample.split(':');
  let hour = wall.hour;
  if (ampm) hour = hour % 12 || 12;
  // 24-hour clocks are written "09:07"; 12-hour ones only when the author wrote "09:45 AM".
  const padded = ampm ? hours.startsWith('0') : hours.length === 2;
  let text = `${padded ? pad(hour) : hour}:${pad(wall.minute)}`;
  if (secondsPart !== undefined) {
    text += `:${pad(wall.second)}`;
    const fraction = secondsPart.split('.')[1];
    if (fraction !== undefined) text += `.${'0'.repeat(fraction.length)}`;
  }
  return ampm ? text + amPmLike(ampm, wall) : text;
}

/** " PM", "pm", " p.m." with the letter for `wall`, spacing, dots and case kept. */
function amPmLike(sample: string, wall: WallTime): string {
  const letter = /[ap]/i.exec(sample)![0];
  const next = wall.hour < 12 ? 'a' : 'p';
  return sample.replace(letter, letter === letter.toUpperCase() ? next.toUpperCase() : next);
}

function slashDate(sample: string, wall: WallTime): string {
  // Read as month/day, the way US-written postmortems use it.
  const parts = sample.split('/');
  const padded = parts[0].startsWith('0') || parts[1].startsWith('0');
  const out = [padded ? pad(wall.month) : String(wall.month), padded ? pad(wall.day) : String(wall.day)];
  if (parts[2] !== undefined) out.push(parts[2].length === 2 ? pad(wall.year % 100) : String(wall.year));
  return out.join('/');
}

/** Zero-padded only when the sample was ("06", not "10"). */
function numberLike(sample: string, value: number): string {
  return sample.startsWith('0') ? pad(value) : String(value);
}

function ordinalLike(sample: string, day: number): string {
  if (!/[a-z]/i.test(sample)) return numberLike(sample, day);
  const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  return `${day}${caseLike(sample.replace(/\d+/, ''), suffix)}`;
}

/** A month or weekday name as long and in the same case as the sample ("Jun.", "JUNE", "june"). */
function wordLike(sample: string, full: string): string {
  const dot = sample.endsWith('.') ? '.' : '';
  const letters = dot ? sample.slice(0, -1) : sample;
  const abbreviated = !FULL_NAMES.has(letters.toLowerCase()) && letters.length < full.length;
  const word = abbreviated ? full.slice(0, 3) : full;
  return caseLike(letters, word) + dot;
}

function caseLike(sample: string, word: string): string {
  if (sample.length > 1 && sample === sample.toUpperCase()) return word.toUpperCase();
  if (sample[0] === sample[0]?.toUpperCase() && /[a-z]/i.test(sample[0] ?? '')) return word[0].toUpperCase() + word.slice(1).toLowerCase();
  return word.toLowerCase();
}
