// minimalEdit (lsp/edits.ts) compares whole blocks before single characters, so a keystroke in a
// 1 MB document costs microseconds: it must still find exactly the edit a character loop finds,
// never splitting \r\n or a surrogate pair.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalEdit } from '../../server/src/lsp/edits.js';

/** The plain character loop the block compare replaced. */
function reference(before: string, after: string) {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  const high = (c: number) => c >= 0xd800 && c <= 0xdbff;
  const low = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  const splits = (t: string, at: number) => at > 0 && at < t.length && ((t[at - 1] === '\r' && t[at] === '\n') || (high(t.charCodeAt(at - 1)) && low(t.charCodeAt(at))));
  if (splits(before, start)) start--;
  if (splits(before, endBefore)) {
    endBefore++;
    endAfter++;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}

describe('minimalEdit', () => {
  it('finds the same edit as a character loop, around blocks of any length', () => {
    const unit = fc.constantFrom('a', 'b', '\r', '\n', '\ud83d', '\ude00');
    fc.assert(
      fc.property(fc.string({ maxLength: 3000, unit }), fc.nat(), fc.nat(50), fc.string({ maxLength: 20, unit }), fc.nat(20_000), (base, at, removed, inserted, padding) => {
        const start = Math.min(at, base.length);
        const pad = 'x'.repeat(padding);
        const before = pad + base + pad;
        const after = pad + base.slice(0, start) + inserted + base.slice(Math.min(start + removed, base.length)) + pad;
        expect(minimalEdit(before, after)).toEqual(reference(before, after));
      }),
      { numRuns: 500 },
    );
  });

  it('finds one character typed into a megabyte', () => {
    const text = 'line of text\n'.repeat(80_000);
    const typed = text.slice(0, 500_001) + 'z' + text.slice(500_001);
    expect(minimalEdit(text, typed)).toEqual({ start: 500_001, end: 500_001, newText: 'z' });
  });
});
