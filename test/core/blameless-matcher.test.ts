// The blameless phrase search is split in two for speed (blameless-matcher.ts): phrases that start
// with a word, and phrases that start with `*` found by the text after it. It must find what the
// one regex over the whole list found before the split, which is kept here as the reference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findPhrases, findPhrasesAgain } from '../../server/src/core/rules/blameless-matcher.js';
import { analyze, getBuiltinTemplate, ParseCache, type BlamelessPhrase } from '../../server/src/core/index.js';

const ANY_WORD = '[\\w-]+(?:\\.[\\w-]+)?';
function reference(text: string, phrases: BlamelessPhrase[]) {
  const alternatives = phrases.map((p, i) => {
    const words = p.phrase.trim().split(/\s+/).map((word) => word.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")).join(ANY_WORD));
    return `(?<p${i}>${words.join('\\s+')})`;
  });
  const pattern = new RegExp(`(?<![\\w'’-])(?:${alternatives.join('|')})(?![\\w-])`, 'gi');
  return [...text.matchAll(pattern)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    phrase: Number(Object.entries(m.groups!).find(([, v]) => v !== undefined)![0].slice(1)),
  }));
}

const phrases = getBuiltinTemplate('google-sre')!.blameless!;
const custom: BlamelessPhrase[] = [
  ...phrases,
  { phrase: 'dropped the *', suggestion: 's' },
  { phrase: '* fault', suggestion: 's' },
  { phrase: "*'s call", suggestion: 's' },
];
const TOKENS = ['Bob', 'j.doe', 'a.b.c', 'x-y', "'s", '’s', "'", ' ', '  ', '\n', '.', '-', 'fault', 'of', 'human', 'error', 'should', 'have', 'not', "shouldn't", 'blame', 'blamed', 'careless', 'dropped', 'the', 'call', 'ball', '_'];

// A fresh copy per search: the matcher is compiled once per list, and a test must see it compiled anew.
const fresh = (list: BlamelessPhrase[]) => list.map((p) => ({ ...p }));
const found = (text: string, list: BlamelessPhrase[]) => findPhrases(text, fresh(list)).map((m) => [text.slice(m.start, m.end), list[m.phrase].phrase]);

describe('blameless phrase search', () => {
  it('keeps the leftmost of overlapping phrases, the earlier in the list on a tie', () => {
    expect(found("blame's fault", phrases)).toEqual([["blame's fault", "*'s fault"]]);
    expect(found("human error's fault", phrases)).toEqual([['human error', 'human error']]);
    expect(found("x fault of Kim's fault", phrases)).toEqual([['fault of', 'fault of'], ["Kim's fault", "*'s fault"]]);
  });
  it('reads the word before a *-phrase as one word with at most one dot, not after an apostrophe', () => {
    expect(found("a.b.c's fault; it''s fault; .x's fault; x.'s fault", phrases)).toEqual([["b.c's fault", "*'s fault"], ["x's fault", "*'s fault"]]);
    expect(found("'s fault", phrases)).toEqual([]);
    expect(found("john.doe's fault; it'a.b's fault; x'y's fault", phrases)).toEqual([["john.doe's fault", "*'s fault"], ["b's fault", "*'s fault"]]);
    // Not inside a word, and the search goes on after a match it turns down.
    expect(found('unblamed, then blamed', phrases)).toEqual([['blamed', 'blamed']]);
  });
  it('splits the list by how each phrase starts, and works with either half alone', () => {
    const only = (phrase: string) => [{ phrase, suggestion: 's' }];
    expect(found("Kim's fault", only("*'s fault"))).toEqual([["Kim's fault", "*'s fault"]]);
    expect(found('a human error', only('human error'))).toEqual([['human error', 'human error']]);
    // `*` alone, or followed by a word character, is a leading phrase: any word, or a word ending so.
    expect(found('we blamed it', only('*ed'))).toEqual([['blamed', '*ed']]);
    expect(found('we blamed it', only('* it'))).toEqual([['blamed it', '* it']]);
    expect(found('a  b', only('*'))).toEqual([['a', '*'], ['b', '*']]);
    // A phrase's own punctuation is literal.
    expect(found('it was fault (ours), not fault ours', only('fault (ours)'))).toEqual([['fault (ours)', 'fault (ours)']]);
    // Any run of spaces between words, however the template spaces them.
    expect(found('a human error', only('human   error'))).toEqual([['human error', 'human   error']]);
    // Extra spaces around a phrase are not part of it.
    expect(found("Kim's  fault", only("  *'s fault  "))).toEqual([["Kim's  fault", "  *'s fault  "]]);
  });

  it('finds a phrase that starts with any word, reading that word backwards', () => {
    const text = "Kim's fault, j.doe’s fault, a.b.c's fault, it's-'s fault, ops's  fault";
    expect(findPhrases(text, phrases).map((m) => text.slice(m.start, m.end))).toEqual(["Kim's fault", 'j.doe’s fault', "b.c's fault", "ops's  fault"]);
  });
  it('finds what one regex over the whole list finds', () => {
    for (const list of [phrases, custom]) {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }), (tokens) => {
          const text = tokens.join('');
          expect(findPhrases(text, fresh(list))).toEqual(reference(text, list));
        }),
        { numRuns: 3000 },
      );
    }
  });
});

describe('blameless phrase search after an edit', () => {
  const STOPS = [',', ':', '(', ')', '**', '`', '|', ';'];
  const piece = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS, 'ours') }, { weight: 1, arbitrary: fc.constantFrom(...STOPS) });
  // A phrase's own punctuation is no place to stop.
  const punctuated = [...custom, { phrase: 'fault (ours)', suggestion: 's' }];
  const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 8 }), insert: fc.array(piece, { maxLength: 4 }).map((parts) => parts.join('')) });

  it('searches again only around the edit, and finds what a search of the whole text finds', () => {
    let reused = 0;
    for (const list of [phrases, punctuated]) {
      fc.assert(
        fc.property(fc.array(piece, { minLength: 10, maxLength: 60 }), fc.array(edit, { minLength: 1, maxLength: 10 }), (tokens, edits) => {
          const cache = new ParseCache();
          const own = fresh(list);
          let text = tokens.join('');
          findPhrasesAgain(text, own, cache);
          for (const { at, remove, insert } of edits) {
            const position = at % (text.length + 1);
            text = text.slice(0, position) + insert + text.slice(position + remove);
            const again = findPhrasesAgain(text, own, cache);
            expect(again).toEqual(reference(text, list));
            if (again.some((m) => m.start > position + insert.length)) reused++;
          }
        }),
        { numRuns: 1500 },
      );
    }
    // Matches past the edit were there to be moved, not only found again.
    expect(reused).toBeGreaterThan(200);
  });

  it('searches across punctuation that a phrase holds', () => {
    const cache = new ParseCache();
    const own = [{ phrase: 'fault (ours)', suggestion: 's' }];
    findPhrasesAgain('it was fault (our), x', own, cache);
    expect(findPhrasesAgain('it was fault (ours), x', own, cache)).toEqual([{ start: 7, end: 19, phrase: 0 }]);
  });

  it('reads the word before a *-phrase found around an edit in the whole text', () => {
    const cache = new ParseCache();
    const own = fresh(phrases);
    findPhrasesAgain('a, Kim’s faul', own, cache);
    expect(findPhrasesAgain('a, Kim’s fault', own, cache)).toEqual([{ start: 3, end: 14, phrase: own.findIndex((p) => p.phrase === "*'s fault") }]);
  });

  it('searches the whole text when the phrase list is another one', () => {
    const cache = new ParseCache();
    const text = 'human error, then blame';
    findPhrasesAgain(text, fresh(phrases), cache);
    const only = [{ phrase: 'blame', suggestion: 's' }];
    expect(findPhrasesAgain(text + '!', only, cache)).toEqual([{ start: 18, end: 23, phrase: 0 }]);
  });
});

describe('blameless-language, where it looks', () => {
  const lint = (body: string) =>
    analyze(`---\nsummary: human error, should have\n---\n# Postmortem: x\n\n**Duration:** 2024-01-02 10:00 - 11:00 UTC\n\n## Impact\n\n${body}\n`, { template: getBuiltinTemplate('default')! })
      .problems.filter((p) => p.rule === 'blameless-language').map((p) => p.message.split(':')[0]);
  it('skips front matter and a quotation opened at the start of a line, and reads on after one closed', () => {
    expect(lint('“It should have paged us')).toEqual([]);
    expect(lint('“Paged,” and it should have')).toEqual(['“should have”']);
    expect(lint('A careless step')).toEqual(['“careless”']);
  });
  it('is quiet with no phrases in the template', () => {
    const template = { ...getBuiltinTemplate('default')!, blameless: [] };
    expect(analyze('# Postmortem: x\n\n## Impact\n\nhuman error\n', { template }).problems.filter((p) => p.rule === 'blameless-language')).toEqual([]);
  });
});

