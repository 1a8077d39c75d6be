// A text that reaches the analysis worker as an edit carries how it changed (text-delta.ts), so the
// worker's parse cache and problem delta take that change instead of comparing 1 MB texts again.
// What they work out from it must be what comparing the texts gives.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ProblemRecord } from '../../server/src/node/problem-delta.js';
import { TextRecord } from '../../server/src/node/text-delta.js';
import { AnalysisJobs, type AnalysisEngine, type AnalyzeRequest } from '../../server/src/node/analysis-jobs.js';
import { textChange } from '../../server/src/core/parse/text-change.js';
import { ParseCache } from '../../server/src/core/parse/markdown.js';
import type { Problem } from '../../server/src/core/index.js';
import { ROOT } from '../support/lsp-client.js';

const engine = createRequire(import.meta.url)(join(ROOT, 'dist/engine.cjs')) as AnalysisEngine & { analyze: (text: string) => { problems: Problem[] } };
const edit = fc.oneof(
  fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: fc.oneof(fc.constantFrom('x', '\n', '- **Fxi:** y\n', '### 10:05 Paged\n', '**'), fc.string({ maxLength: 6 })) }),
  // A character typed over another: the length stays, so only the change says where the text differs.
  fc.record({ at: fc.nat(), remove: fc.constant(1), insert: fc.constantFrom('1', '9', 'x', ':', '\n') }),
);
const applied = (text: string, { at, remove, insert }: { at: number; remove: number; insert: string }) => {
  const position = at % (text.length + 1);
  return text.slice(0, position) + insert + text.slice(position + remove);
};

describe('a text that came as an edit', () => {
  it('knows the change comparing the texts would find, and none when it came whole', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.array(edit, { minLength: 1, maxLength: 5 }), (start, edits) => {
        const pool = new TextRecord();
        const worker = new TextRecord();
        worker.decode('u', 0, start, pool.encode('u', 0, start));
        expect(worker.changeOf('u')).toBeUndefined();
        let text = start;
        edits.forEach((e, i) => {
          const before = text;
          text = applied(text, e);
          expect(worker.decode('u', i + 1, '', pool.encode('u', i + 1, text))).toBe(text);
          expect(worker.changeOf('u')).toEqual({ before, change: textChange(before, text) });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('is taken by the parse cache for that pair of texts only', () => {
    const cache = new ParseCache();
    const told = { from: 1, oldEnd: 2, newEnd: 2 };
    cache.knownChange('abc', 'ac', told);
    expect(cache.change('abc', 'ac')).toBe(told);
    expect(cache.change('abc', 'abd')).toEqual({ from: 2, oldEnd: 3, newEnd: 3 });
  });

  it('gives the problem delta the shift comparing the texts gives, for the text it holds only', () => {
    const doc = (tag: string) => `# Postmortem: x\n\n## Action Items\n\n- **Fix:** one\n- **${tag}:** two\n`;
    const before = doc('Fxi');
    const after = doc('Fxii');
    const told = new ProblemRecord();
    const compared = new ProblemRecord();
    for (const record of [told, compared]) record.encode('u', before, engine.analyze(before).problems);
    const problems = engine.analyze(after).problems;
    const change = textChange(before, after);
    expect(told.encode('u', after, problems, { before, change })).toEqual(compared.encode('u', after, problems));
    // A change from some other text is not used.
    const stray = new ProblemRecord();
    stray.encode('u', before, engine.analyze(before).problems);
    expect(stray.encode('u', after, problems, { before: 'other', change: { from: 0, oldEnd: 0, newEnd: 0 } }).shift).toEqual({ from: change.from, delta: 1 });
  });

  it('analyses to what a whole text gives, version after version', () => {
    const base = `# Postmortem: x\n\n## Timeline (UTC)\n\n${Array.from({ length: 150 }, (_, i) => `- **${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:** Step ${i}.\n`).join('')}\n## Action Items\n\n- **Fxi:** one\n`;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const jobs = new AnalysisJobs(engine);
        const pool = new TextRecord();
        const worker = new TextRecord();
        const request = (text: string): AnalyzeRequest => ({ kind: 'analyze', keepCache: true, uri: 'u', text, options: {}, timeoutMs: 60_000 });
        let text = base;
        [{ at: 0, remove: 0, insert: '' }, ...edits].forEach((e, i) => {
          text = applied(text, e);
          const posted = pool.encode('u', i, text);
          const decoded = worker.decode('u', i, posted ? '' : text, posted)!;
          const { analysis } = jobs.run(request(decoded), worker.changeOf('u'));
          expect(analysis.problems).toEqual(engine.analyze(text).problems);
        });
      }),
      { numRuns: 25 },
    );
  });
});
