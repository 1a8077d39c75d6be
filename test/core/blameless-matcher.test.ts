// The blameless phrase search is split in two for speed (blameless-matcher.ts): phrases that start
// with a word, and phrases that start with `*` found by the text after it. It must find what the
// one regex over the whole list found before the split, which is kept here as the reference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findPhrases } from '../../server/src/core/rules/blameless-matcher.js';
import { getBuiltinTemplate, type BlamelessPhrase } from '../../server/src/core/index.js';

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

describe('blameless phrase search', () => {
  it('finds a phrase that starts with any word, reading that word backwards', () => {
    const text = "Kim's fault, j.doe’s fault, a.b.c's fault, it's-'s fault, ops's  fault";
    expect(findPhrases(text, phrases).map((m) => text.slice(m.start, m.end))).toEqual(["Kim's fault", 'j.doe’s fault', "b.c's fault", "ops's  fault"]);
  });
  it('finds what one regex over the whole list finds', () => {
    for (const list of [phrases, custom]) {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }), (tokens) => {
          const text = tokens.join('');
          expect(findPhrases(text, list)).toEqual(reference(text, list));
        }),
        { numRuns: 3000 },
      );
    }
  });
});
