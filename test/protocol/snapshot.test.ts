// lsp/snapshot.ts converts offsets and positions exactly as vscode-languageserver-textdocument does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Snapshot } from '../../server/src/lsp/snapshot.js';

describe('Snapshot', () => {
  it('agrees with TextDocument on every offset and position, \\r\\n and lone \\r included', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: fc.constantFrom('a', '\n', '\r', '\ud83d') }), fc.array(fc.integer({ min: -3, max: 210 }), { maxLength: 20 }), (text, numbers) => {
        const reference = TextDocument.create('file:///a.md', 'markdown', 1, text);
        const snapshot = new Snapshot('file:///a.md', 'markdown', 1, text);
        expect(snapshot.lineCount).toBe(reference.lineCount);
        for (const n of numbers) {
          expect(snapshot.positionAt(n)).toEqual(reference.positionAt(n));
          const position = { line: Math.abs(n) % 12 - 1, character: n % 7 };
          expect(snapshot.offsetAt(position)).toBe(reference.offsetAt(position));
        }
        for (const line of [-1, 0, 1, 2, 50]) {
          expect(snapshot.getLineRange(line)).toEqual(reference.getLineRange(line));
          expect(snapshot.getEOLCharacters(line)).toBe(reference.getEOLCharacters(line));
        }
        expect(snapshot.getText({ start: { line: 0, character: 1 }, end: { line: 2, character: 0 } })).toBe(reference.getText({ start: { line: 0, character: 1 }, end: { line: 2, character: 0 } }));
      }),
      { numRuns: 2000 },
    );
  });
});
