// Owner, ticket, due date and status of an action item, read from its text with their places, so
// rules can point at them and views can show them whatever shape the item was written in.
import type { Located, Range } from '../types.js';

export interface ReadFields {
  owner?: Located;
  ticket?: Located & { url?: string };
  due?: Located<number | null>;
  status?: 'open' | 'done';
}

// A name runs to a comma, bracket, pipe, line end or the end of a sentence (". See …").
const NAME = String.raw`((?:[^,;()[\]|\n.]|\.(?=\S))+)`;
const OWNER_LABEL = new RegExp(String.raw`\b(?:owners?|assignee|dri)\s*:\s*${NAME}|\bassigned to\s+${NAME}`, 'di');
const HANDLE = /(?<![\w.@/])@([A-Za-z0-9][\w.-]*[\w])/d;
// Keys that look like tickets but are not: severities and standards.
const NOT_TICKETS = new Set(['SEV', 'UTF', 'ISO', 'RFC', 'TLS', 'SHA', 'P']);
const TICKET_KEY = /\b([A-Z][A-Z0-9]{1,9})-(\d+)\b/g;
// `owner/repo#123` and the SRE book's `Bug 5554823`.
const REPO_ISSUE = /(?<![\w/])(?:[\w.-]+\/[\w.-]+)?#\d+\b|\b(?:bug|issue|ticket)\s+#?\d{3,}\b/i;
const MD_LINK = /\[([^\]\n]+)\]\(\s*<?(https?:\/\/[^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/i;
const BARE_URL = /<?(https?:\/\/[^\s<>)\]|]+[^\s<>)\].,;:!?'"|])>?/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE = `(\\d{4}-\\d{2}-\\d{2}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?)`;
const DUE = new RegExp(`\\b(?:due(?:\\s+(?:date|by|on))?\\s*:?|by|before|until)\\s+${DATE}\\b`, 'di');
const BARE_DATE = new RegExp(`\\b${DATE}\\b`, 'di');
const STATUS_LABEL = /\bstatus\s*:\s*([A-Za-z][\w -]{0,20}?)\s*(?=[,;.)|\n]|$)/di;

const DONE = /^(?:done|complete[d]?|closed|fixed|resolved|shipped|merged|finished|yes|✅|✔️?|✓|\[x\])$/i;
const OPEN = /^(?:open|to ?do|in[ -]progress|not started|planned|pending|blocked|wip|new|ongoing|started|no|\[ \])$/i;

/** What a cell or label holds when nothing was written yet. */
export const NOTHING_WRITTEN = /^(?:|-+|–|—|n\/?a|none|tbd|tba|\?+|unassigned|nobody)$/i;

/** `done`, `open`, or undefined for a word that says neither. */
export function statusOf(word: string): 'open' | 'done' | undefined {
  const plain = word.replace(/[*_`]/g, '').trim();
  return DONE.test(plain) ? 'done' : OPEN.test(plain) ? 'open' : undefined;
}

/**
 * Midnight UTC of a written date; a date without a year takes the incident's (the next one when
 * the day is already past it); null when no year is known or the day does not exist.
 */
export function dueDate(written: string, incidentStart: number | null): number | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(written);
  if (iso) return validDay(+iso[1], +iso[2] - 1, +iso[3]);
  const lower = written.toLowerCase();
  const month = MONTHS.findIndex((m) => new RegExp(`\\b${m}`).test(lower));
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(lower.replace(/\b\d{4}\b/, ''));
  if (month < 0 || !day) return null;
  const year = /\b(\d{4})\b/.exec(lower);
  if (year) return validDay(+year[1], month, +day[1]);
  if (incidentStart === null) return null;
  const start = new Date(incidentStart);
  const sameYear = validDay(start.getUTCFullYear(), month, +day[1]);
  const startDay = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  return sameYear !== null && sameYear < startDay ? validDay(start.getUTCFullYear() + 1, month, +day[1]) : sameYear;
}

function validDay(year: number, month: number, day: number): number | null {
  const at = Date.UTC(year, month, day);
  return new Date(at).getUTCDate() === day && new Date(at).getUTCMonth() === month ? at : null;
}

/** Bold markers blanked out with spaces: `**Owner:** Kim` reads as `  Owner:   Kim`, offsets kept. */
function unbolded(text: string): string {
  return text.replace(/\*\*|__/g, '  ');
}

function located(text: string, start: number, end: number, base: number, value = text.slice(start, end)): Located {
  return { value, text: text.slice(start, end), range: { start: base + start, end: base + end } };
}

/** Reads the fields of free text (a list item, or a table cell beside the action). */
export function readFieldsInText(source: string, base: number, incidentStart: number | null): ReadFields {
  const text = unbolded(source);
  const fields: ReadFields = {};
  const label = OWNER_LABEL.exec(text);
  const group = label && (label[1] !== undefined ? 1 : 2);
  if (label && group) {
    const [start] = label.indices![group];
    const value = text.slice(start, label.indices![group][1]).trim().replace(/[.!]+$/, '').trim();
    if (!NOTHING_WRITTEN.test(value)) fields.owner = located(source, start, start + value.length, base, value);
  } else {
    const handle = HANDLE.exec(text);
    if (handle) fields.owner = located(source, handle.index, handle.index + handle[0].length, base);
  }
  const ticket = ticketIn(text, source, base);
  if (ticket) fields.ticket = ticket;
  const due = DUE.exec(text);
  if (due) {
    const [start, end] = due.indices![1];
    fields.due = { ...located(source, start, end, base), value: dueDate(due[1], incidentStart) };
  }
  const status = STATUS_LABEL.exec(text);
  if (status) fields.status = statusOf(status[1]);
  if (!fields.status) delete fields.status;
  return fields;
}

function ticketIn(text: string, source: string, base: number): ReadFields['ticket'] {
  // A link first: `[PAY-1423](https://…)` is the key and where it lives.
  const link = MD_LINK.exec(text);
  if (link) return { ...located(source, link.index, link.index + link[0].length, base, link[1].trim()), url: link[2] };
  const bare = BARE_URL.exec(text);
  for (const match of text.matchAll(TICKET_KEY)) {
    // A key inside a URL is that URL's: the URL is the ticket.
    const inUrl = bare !== null && match.index >= bare.index && match.index < bare.index + bare[0].length;
    if (!NOT_TICKETS.has(match[1]) && !inUrl) return located(source, match.index, match.index + match[0].length, base);
  }
  if (bare) {
    const start = bare.index + (bare[0].startsWith('<') ? 1 : 0);
    return { ...located(source, start, start + bare[1].length, base), url: bare[1] };
  }
  const issue = REPO_ISSUE.exec(text);
  return issue ? located(source, issue.index, issue.index + issue[0].length, base) : undefined;
}

/** An Owner cell: its whole text, unless it is empty or says nobody. */
export function ownerCell(source: string, range: Range): Located | undefined {
  const value = unbolded(source).trim();
  if (NOTHING_WRITTEN.test(value)) return undefined;
  const start = source.length - source.trimStart().length;
  return { value, text: source.trim(), range: { start: range.start + start, end: range.start + start + source.trim().length } };
}

/** A Ticket / Bug / Issue cell: a key or link in it, else whatever it names (`Bug 5554823`). */
export function ticketCell(source: string, range: Range): ReadFields['ticket'] {
  const text = unbolded(source);
  const found = ticketIn(text, source, range.start);
  if (found) return found;
  // The SRE book writes the status in the Bug column: `n/a **TODO**`.
  const rest = text.replace(/\b(?:done|todo|to do|open|closed)\b/gi, '').trim();
  if (NOTHING_WRITTEN.test(rest)) return undefined;
  const start = text.indexOf(rest);
  return located(source, start, start + rest.length, range.start, rest);
}

/** A Due cell: the first date in it. */
export function dueCell(source: string, range: Range, incidentStart: number | null): Located<number | null> | undefined {
  const text = unbolded(source);
  const date = BARE_DATE.exec(text);
  if (date) {
    const [start, end] = date.indices![1];
    return { ...located(source, start, end, range.start), value: dueDate(date[1], incidentStart) };
  }
  const rest = text.trim();
  if (NOTHING_WRITTEN.test(rest)) return undefined;
  // Written, but not a date we can read ("next sprint"): there, with no value.
  const start = text.indexOf(rest);
  return { ...located(source, start, start + rest.length, range.start), value: null };
}

/** A status written as a bold word beside the action, as the SRE book's table does (`**DONE**`). */
export function statusMarker(source: string): 'open' | 'done' | undefined {
  const marker = /(?:\*\*|__)\s*(done|todo|to do|open|closed|in progress)\s*(?:\*\*|__)|\b(DONE|TODO)\b\s*$/i.exec(source.trim());
  return marker ? statusOf(marker[1] ?? marker[2]) : undefined;
}
