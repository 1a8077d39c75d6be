import type { BlamelessPhrase } from '../types.js';
import type { ParseCache } from '../parse/markdown.js';

/** One found phrase: where, and which of the template's phrases. */
export interface PhraseMatch {
  start: number;
  end: number;
  phrase: number;
}

// `*` is one word ("j.doe" at most one dot): a class with the dot would run on through "a.a.a…"
// from every word start, which made a 1 MB heading of them take minutes.
const ANY_WORD = '[\\w-]+(?:\\.[\\w-]+)?';
// Where a phrase may start: not after a word character or an apostrophe. Checked in code, not by a
// lookbehind: V8 tries a leading lookbehind at every position, which was most of the search's time.
const startsPhrase = (text: string, at: number) => !/[\w'’-]/.test(text[at - 1] ?? '');
const AFTER_PHRASE = '(?![\\w-])';

interface Matcher {
  /** Phrases that start with a literal word, in one regex. */
  leading: RegExp | null;
  /** Phrases that start with `*` ("*'s fault"), found by the text after the `*`. */
  trailing: RegExp | null;
}

const compiled = new WeakMap<BlamelessPhrase[], Matcher>();

function escape(part: string): string {
  return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
}

/** Whole words, `*` for any one word, any run of spaces between. */
function wordsPattern(words: string[]): string {
  return words.map((word) => word.split('*').map(escape).join(ANY_WORD)).join('\\s+');
}

// A phrase that starts with `*` followed by something other than a word character ("*'s fault",
// "* fault"): one regex trying "any word" at every word start of a 1 MB document took 10 ms, while
// the text after the `*` is rare and found at once; the word before it is then read backwards.
// Stryker disable all: which regex a phrase goes to decides speed only; both give the same matches (blameless-matcher.test.ts).
function startsWithAnyWord(words: string[]): boolean {
  return words[0].startsWith('*') && words[0].length > 1 && /[^\w.*-]/.test(words[0][1]);
}
// Stryker restore all

function matcherFor(phrases: BlamelessPhrase[]): Matcher {
  let matcher = compiled.get(phrases);
  // Stryker disable next-line ConditionalExpression: compiling again each time is slower, not different.
  if (matcher) return matcher;
  // Stryker disable next-line ArrayDeclaration: a stray alternative would only match its own odd text.
  const leading: string[] = [];
  // Stryker disable next-line ArrayDeclaration: as above.
  const trailing: string[] = [];
  phrases.forEach((p, i) => {
    const words = p.phrase.trim().split(/\s+/);
    // Stryker disable next-line ConditionalExpression: every phrase can go to the leading regex, only slower.
    if (startsWithAnyWord(words)) trailing.push(`(?<p${i}>${wordsPattern([words[0].slice(1), ...words.slice(1)])})`);
    else leading.push(`(?<p${i}>${wordsPattern(words)})`);
  });
  matcher = {
    leading: leading.length ? new RegExp(`(?:${leading.join('|')})${AFTER_PHRASE}`, 'gi') : null,
    trailing: trailing.length ? new RegExp(`(?:${trailing.join('|')})${AFTER_PHRASE}`, 'gi') : null,
  };
  compiled.set(phrases, matcher);
  return matcher;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\w-]/.test(c);

/**
 * Where the `*` word before `at` starts, as `[\w-]+(?:\.[\w-]+)?` would match it from its left
 * (the longest form whose start is not inside a word), or -1.
 */
function anyWordStartBefore(text: string, at: number): number {
  let start = at;
  while (isWordChar(text[start - 1])) start--;
  if (start === at) return -1;
  if (text[start - 1] === '.' && isWordChar(text[start - 2])) {
    let first = start - 1;
    while (isWordChar(text[first - 1])) first--;
    if (startsPhrase(text, first)) return first;
  }
  return startsPhrase(text, start) ? start : -1;
}

function whichPhrase(match: RegExpMatchArray): number {
  // Every alternative is a named group, and the one that matched is defined.
  const [name] = Object.entries(match.groups!).find(([, value]) => value !== undefined)!;
  return Number(name.slice(1));
}

/**
 * Matches of `pattern` from left to right, as a regex that began with the lookbehind would give:
 * where `startOf` rejects a match, the search goes on from the next character, not after it.
 */
function* scan(text: string, pattern: RegExp, startOf: (match: RegExpExecArray) => number): Generator<PhraseMatch> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = startOf(match);
    if (start < 0) {
      pattern.lastIndex = match.index + 1;
      continue;
    }
    yield { start, end: match.index + match[0].length, phrase: whichPhrase(match) };
  }
}

/** The template's phrases in the text (or in text[from, to)), leftmost first, none overlapping. */
export function findPhrases(text: string, phrases: BlamelessPhrase[], from = 0, to = text.length): PhraseMatch[] {
  const { leading, trailing } = matcherFor(phrases);
  // Stryker disable next-line ConditionalExpression: slicing the whole text is a copy, not a change.
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  const found: PhraseMatch[] = [];
  // Starts are tried against the whole text: the character before a part decides too.
  if (leading) found.push(...scan(part, leading, (match) => (startsPhrase(text, from + match.index) ? match.index : -1)));
  if (trailing) found.push(...scan(part, trailing, (match) => anyWordStartBefore(text, from + match.index) - from));
  // Stryker disable next-line ConditionalExpression,EqualityOperator: adding 0 changes nothing.
  if (from > 0) for (const match of found) (match.start += from), (match.end += from);
  // Stryker disable next-line all: a shortcut; matches of one regex are already in order and apart.
  if (!trailing || !leading) return found;
  found.sort((a, b) => a.start - b.start || a.phrase - b.phrase);
  let end = 0;
  return found.filter((match) => match.start >= end && ((end = match.end), true));
}

/** What findPhrasesAgain keeps for the next text. */
interface Found {
  text: string;
  phrases: BlamelessPhrase[];
  matches: PhraseMatch[];
}

const FOUND = 'blameless phrases';

/**
 * findPhrases, searching again only between the nearest characters around the edit that no phrase
 * can hold (a comma, a colon, a bracket…): no match crosses one, so the matches beyond are those
 * of the text before (kept in `cache`), moved with the edit.
 */
export function findPhrasesAgain(text: string, phrases: BlamelessPhrase[], cache: ParseCache): PhraseMatch[] {
  const last = cache.previous.get(FOUND) as Found | undefined;
  let matches: PhraseMatch[];
  // Stryker disable next-line ConditionalExpression: searching the whole text again is slower, not different.
  if (last?.phrases === phrases) {
    const change = cache.change(last.text, text);
    const stops = stopsFor(phrases);
    let before = change.from - 1;
    while (before >= 0 && !stops(text.charCodeAt(before))) before--;
    let after = change.newEnd;
    // Stryker disable next-line EqualityOperator: one past the end slices the same text.
    while (after < text.length && !stops(text.charCodeAt(after))) after++;
    const delta = change.newEnd - change.oldEnd;
    matches = [
      ...last.matches.filter((match) => match.end <= before),
      ...findPhrases(text, phrases, before + 1, after),
      ...last.matches.filter((match) => match.start > after - delta).map((match) => ({ ...match, start: match.start + delta, end: match.end + delta })),
    ];
  } else matches = findPhrases(text, phrases);
  // Stryker disable next-line ObjectLiteral: without a record the next search is whole, only slower.
  cache.previous.set(FOUND, { text, phrases, matches } satisfies Found);
  return matches;
}

const stopSets = new WeakMap<BlamelessPhrase[], (code: number) => boolean>();

/**
 * ASCII characters no match of these phrases can hold: not a word character, space, `-`, `.` or
 * apostrophe (`*` words and the spaces between words), nor in any phrase's own text (either case).
 */
// Stryker disable all: fewer stop characters only widen the search around an edit (slower, the same matches); the tests check it finds what a whole search finds.
function stopsFor(phrases: BlamelessPhrase[]): (code: number) => boolean {
  let stops = stopSets.get(phrases);
  if (stops) return stops;
  const held = new Set(phrases.flatMap((p) => [...p.phrase.toLowerCase(), ...p.phrase.toUpperCase()]));
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) {
    const char = String.fromCharCode(code);
    table[code] = /[\w\s'.-]/.test(char) || held.has(char) ? 0 : 1;
  }
  stops = (code: number) => code < 128 && table[code] === 1;
  stopSets.set(phrases, stops);
  return stops;
}
// Stryker restore all
