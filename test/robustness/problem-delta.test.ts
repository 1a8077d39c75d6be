// Problems cross from the analysis worker as a delta on the ones sent before (node/problem-delta.ts),
// and the publisher converts each problem object once (lsp/converted-problems.ts). What the other
// side rebuilds must equal what the engine found, whatever the edit; what it reuses is exactly the
// problems before the edit.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeProblems, encodeProblems, ProblemRecord, samePositionsAs, samePositionsFrom, shiftBetween } from '../../server/src/node/problem-delta.js';
import { WorkerPool } from '../../server/src/node/worker-pool.js';
import type { AnalysisEngine, AnalyzeRequest } from '../../server/src/node/analysis-jobs.js';
import { editBetween, TextRecord } from '../../server/src/node/text-delta.js';
import { ConvertedProblems } from '../../server/src/lsp/converted-problems.js';
import { toDiagnostic, withData } from '../../server/src/lsp/convert.js';
import { Snapshot } from '../../server/src/lsp/snapshot.js';
import type { Problem } from '../../server/src/core/index.js';
import { ROOT } from '../support/lsp-client.js';

const engine = createRequire(import.meta.url)(join(ROOT, 'dist/engine.cjs')) as AnalysisEngine & { analyze: (text: string) => { problems: Problem[] } };
const items = (tags: string[]) => tags.map((tag, i) => `- **${tag}:** Follow up ${i}.\n`).join('');
const doc = (tags: string[]) => `# Postmortem: x\n\n## Impact\n\nSlow.\n\n## Corrective and Preventative Measures\n\n${items(tags)}`;
/** The last offset anywhere in a problem: its range, its fixes' edits, its related ranges. */
const lastOffset = (problem: Problem) => Math.max(...[...JSON.stringify(problem).matchAll(/"(?:start|end)":(\d+)/g)].map((m) => Number(m[1])));
const TAGS = ['Runbook', 'Fxi', 'Docs', 'Runbook', 'Drill', 'Fxi'];

describe('problems as a delta', () => {
  it('rebuilds the new problems exactly, reusing the very objects before the edit and sending only what changed', () => {
    const before = doc(TAGS);
    const edited = before.replace('Follow up 3.', 'Follow up 3, today.').replace('**Drill:**', '**Dril:**');
    const old = engine.analyze(before).problems;
    const now = engine.analyze(edited).problems;
    const shift = shiftBetween(before, edited);
    expect(shift).toEqual({ from: before.indexOf('3.') + 1, delta: edited.length - before.length });
    const encoded = encodeProblems(old, shift, now);
    // The Drill item's problem changed (new message); everything else went across as an index.
    const whole = encoded.filter((entry) => typeof entry !== 'number') as Problem[];
    expect(whole.map((p) => p.message)).toEqual([expect.stringContaining('Dril')]);
    const decoded = decodeProblems(structuredClone(old), shift, structuredClone(encoded));
    expect(decoded).toEqual(now);
    // Objects before the edit come back as they were (their diagnostics are reused); those after are shifted copies.
    const mine = structuredClone(old);
    const again = decodeProblems(mine, shift, encoded);
    expect(again.filter((problem) => mine.includes(problem)).length).toBeGreaterThan(0);
    for (const problem of again) {
      if (lastOffset(problem) < shift.from) expect(mine).toContain(problem);
      else expect(mine).not.toContain(problem);
    }
  });

  it('equals the engine on random edits, through two records kept in step', () => {
    const tag = fc.constantFrom('Fix', 'Fxi', 'Runbook', 'Docs', 'Mitigate', 'TBD');
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 30 }), insert: fc.oneof(fc.constantFrom('- **Fxi:** x\n', '**', 'should have', '\n', '## Timeline\n', 'x'), fc.string({ maxLength: 4 })) });
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 12 }), fc.array(edit, { maxLength: 6 }), (tags, edits) => {
        const worker = new ProblemRecord();
        const pool = new ProblemRecord();
        let text = doc(tags);
        for (const { at, remove, insert } of [{ at: 0, remove: 0, insert: '' }, ...edits]) {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + insert + text.slice(position + remove);
          const problems = engine.analyze(text).problems;
          const sent = worker.encode('u', text, problems);
          expect(pool.decode('u', text, structuredClone(sent.problems), sent.shift && { ...sent.shift })).toEqual(problems);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('tells apart problems that differ in any one field, fixes and related notes included', () => {
    const base: Problem = {
      rule: 'r', severity: 'warning', message: 'm', range: { start: 10, end: 12 },
      fixes: [{ title: 't', isPreferred: true, fixAll: false, edits: [{ start: 10, end: 12, newText: 'n' }] }],
      related: [{ range: { start: 20, end: 22 }, message: 'see' }],
    };
    const none = { from: 1_000, delta: 0 };
    expect(encodeProblems([base], none, [structuredClone(base)])).toEqual([0]);
    const variants: ((p: Problem) => void)[] = [
      (p) => (p.rule = 'q'), (p) => (p.severity = 'error'), (p) => (p.message = 'n'), (p) => (p.range.end = 13),
      (p) => (p.fixes[0].title = 'u'), (p) => (p.fixes[0].isPreferred = false), (p) => (p.fixes[0].fixAll = true), (p) => p.fixes.push({ title: 'v', edits: [] }),
      (p) => (p.fixes[0].edits[0].newText = 'o'), (p) => (p.fixes[0].edits[0].start = 11), (p) => p.fixes[0].edits.push({ start: 1, end: 1, newText: '' }),
      (p) => (p.related![0].message = 'x'), (p) => (p.related![0].range.start = 21), (p) => (p.related = undefined), (p) => delete p.related,
    ];
    for (const change of variants) {
      const variant = structuredClone(base);
      change(variant);
      expect(encodeProblems([base], none, [variant])).toEqual([variant]);
    }
    // Shifted: equal once the offsets past the edit move, and rebuilt as such.
    const moved = structuredClone(base);
    for (const range of [moved.range, moved.fixes[0].edits[0], moved.related![0].range]) (range.start += 5), (range.end += 5);
    expect(encodeProblems([base], { from: 0, delta: 5 }, [moved])).toEqual([0]);
    expect(decodeProblems([base], { from: 0, delta: 5 }, [0])).toEqual([moved]);
    expect(decodeProblems([base], { from: 15, delta: 5 }, [0])[0]).toEqual({ ...base, related: [{ range: { start: 25, end: 27 }, message: 'see' }] });
  });

  it('refuses a delta on problems it never received', () => {
    expect(() => new ProblemRecord().decode('u', 'x', [0], { from: 0, delta: 0 })).toThrow(/never received/);
  });
});

describe('texts as an edit', () => {
  it('rebuilds the text from the one posted before, whatever the edit', () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 9000 }), insert: fc.string({ maxLength: 5000 }) });
    fc.assert(
      fc.property(fc.string({ maxLength: 20_000 }), fc.array(edit, { maxLength: 5 }), (start, edits) => {
        const pool = new TextRecord();
        const worker = new TextRecord();
        let text = start;
        edits.forEach(({ at, remove, insert }, job) => {
          const position = at % (text.length + 1);
          text = text.slice(0, position) + insert + text.slice(position + remove);
          // Whole the first time, as an edit after.
          const posted = pool.encode('u', job, text);
          expect(posted === undefined).toBe(job === 0);
          expect(worker.decode('u', job, posted ? '' : text, posted)).toBe(text);
        });
      }),
      { numRuns: 300 },
    );
    const big = 'x'.repeat(100_000);
    expect(editBetween(big, `${big.slice(0, 50_000)}y${big.slice(50_000)}`).insert).toBe('y');
  });

  it('asks for the whole text when the edit is on a text it does not hold', () => {
    const worker = new TextRecord();
    expect(worker.decode('u', 1, 'abc', undefined)).toBe('abc');
    expect(worker.decode('u', 3, '', { base: 2, start: 0, end: 1, insert: 'x' })).toBeUndefined();
    expect(worker.decode('u', 3, '', { base: 1, start: 0, end: 1, insert: 'x' })).toBe('xbc');
    worker.forget('u');
    expect(worker.decode('u', 4, '', { base: 3, start: 0, end: 0, insert: 'y' })).toBeUndefined();
  });
});

describe('the worker pool sends deltas', () => {
  let pool: WorkerPool | undefined;
  afterEach(() => pool?.dispose());
  const request = (text: string): AnalyzeRequest => ({ kind: 'analyze', uri: 'file:///d.md', text, options: {}, timeoutMs: 60_000, keepCache: true });

  it('gives the same problems as the engine, version after version, and after the document is forgotten', async () => {
    pool = new WorkerPool({ file: join(ROOT, 'dist/analysis-worker.cjs'), size: 1 });
    let text = doc(TAGS);
    for (const change of [(t: string) => t.replace('Follow up 2.', 'Follow up 2!'), (t: string) => t.replace('**Fxi:**', '**Fix:**'), (t: string) => `${t}- **Docs:** more.\n`]) {
      text = change(text);
      const outcome = await pool.run(request(text));
      expect(outcome.status === 'done' && outcome.value.analysis.problems).toEqual(engine.analyze(text).problems);
      expect(outcome.status === 'done' && 'problemsShift' in outcome.value).toBe(false);
    }
    pool.forget('file:///d.md');
    const outcome = await pool.run(request(text));
    expect(outcome.status === 'done' && outcome.value.analysis.problems).toEqual(engine.analyze(text).problems);
  });
});

describe('converted problems', () => {
  it('gives a reused diagnostic the new data and nothing else new, in the same JSON', () => {
    const document = new Snapshot('file:///d.md', 'markdown', 1, doc(['Fxi']));
    const related: Problem = { rule: 'r', severity: 'error', message: 'm', range: { start: 2, end: 4 }, fixes: [], related: [{ range: { start: 5, end: 6 }, message: 'see' }] };
    const plain: Problem = { rule: 'q', severity: 'info', message: 'n', range: { start: 1, end: 3 }, fixes: [] };
    for (const [problem, url] of [[related, 'https://x/r.md'], [plain, undefined]] as const) {
      const reused = withData(toDiagnostic(document, problem, { analysis: 1, version: 1, index: 0 }, url), { analysis: 2, version: 2, index: 5 });
      expect(JSON.stringify(reused)).toBe(JSON.stringify(toDiagnostic(document, problem, { analysis: 2, version: 2, index: 5 }, url)));
    }
  });

  it('converts a problem object once, and names each analysis in its data', () => {
    const text = doc(['Fxi', 'Docs']);
    const [problem] = engine.analyze(text).problems.filter((p) => p.rule === 'action-item-unknown-tag');
    const converted = new ConvertedProblems();
    const document = new Snapshot('file:///d.md', 'markdown', 1, text);
    const first = converted.diagnostic(document, problem, { analysis: 1, version: 1, index: 0 });
    // A later version whose text is the same up to the problem: the same conversion, with its own data.
    const later = new Snapshot('file:///d.md', 'markdown', 2, `${text}- **Fix:** more.\n`);
    const second = converted.diagnostic(later, problem, { analysis: 2, version: 2, index: 0 });
    expect(second.range).toBe(first.range);
    expect(second.data).toEqual({ analysis: 2, version: 2, index: 0 });
    expect(first.data).toEqual({ analysis: 1, version: 1, index: 0 });
    // Another problem object (one an edit moved) is converted on its own document.
    const moved = { ...problem, range: { start: problem.range.start + 1, end: problem.range.end + 1 } };
    const shiftedText = `x${text}`;
    expect(converted.diagnostic(new Snapshot('file:///d.md', 'markdown', 3, shiftedText), moved, { analysis: 3, version: 3, index: 0 }).range).toEqual(first.range);
  });
});

describe('shifted copies at the same lines and columns', () => {
  const text = '# T\n\nline one\nline two\n\nfirst problem here\nnote\n';
  const at = (s: string, word: string) => s.indexOf(word);
  /** A problem on "problem" with a related note on "note" and a fix, found in `s`. */
  const problemIn = (s: string): Problem => ({
    rule: 'action-item-unknown-tag', severity: 'warning', message: 'm', range: { start: at(s, 'problem'), end: at(s, 'problem') + 7 },
    fixes: [{ title: 'f', edits: [{ start: at(s, 'problem'), end: at(s, 'problem') + 7, newText: 'p' }] }],
    related: [{ range: { start: at(s, 'note'), end: at(s, 'note') + 4 }, message: 'see' }],
  });

  it('remembers the first problem of a line of copies, and keeps it for the very object again', () => {
    const worker = new ProblemRecord();
    const pool = new ProblemRecord();
    const decode = (s: string) => {
      const sent = worker.encode('u', s, [problemIn(s)]);
      return pool.decode('u', s, structuredClone(sent.problems), sent.shift && { ...sent.shift });
    };
    const [original] = decode(text);
    // Each copy maps to the first problem of the line, not to the one before it (which it would keep alive, and so on back).
    expect(samePositionsAs(decode(text.replace('one', 'xone')), 0)).toBe(original);
    const third = decode(text.replace('one', 'xxone'));
    expect(samePositionsAs(third, 0)).toBe(original);
    const fourth = decode(`${text.replace('one', 'xxone')}x`);
    expect(fourth[0]).toBe(third[0]);
    expect(samePositionsAs(fourth, 0)).toBe(original);
    // A line break before it: converted on its own.
    expect(samePositionsAs(decode(text.replace('one', 'x\none')), 0)).toBeUndefined();
  });

  it('finds where positions are kept: the next line start past the edit, if the lines before it are as many', () => {
    const kept = (before: string, after: string) => samePositionsFrom(before, after, shiftBetween(before, after));
    expect(kept('ab\ncd\nef', 'ab\ncxd\nef')).toBe('ab\ncxd\n'.length);
    expect(kept('ab\ncd\nef', 'ab\ncxd\r\nef')).toBe('ab\ncxd\r\n'.length);
    expect(kept('ab\ncd', 'ab\ncxd')).toBeUndefined();
    expect(kept('ab\ncd\nef', 'ab\nc\nd\nef')).toBeUndefined();
    expect(kept('ab\r\ncd', 'ab\rx\ncd')).toBeUndefined();
    expect(kept('ab\rcd\nef', 'ab\r\ncd\nef')).toBe(7);
    // A shift the texts do not bear out (never expected): nothing is kept.
    expect(samePositionsFrom('ab\ncd\nef', 'ab\ncxd\nef', { from: 2, delta: 1 })).toBeUndefined();
    const decoded = decodeProblems([problemIn(text)], { from: 5, delta: 1 }, [0]);
    expect(samePositionsAs(decoded, 0)).toBeUndefined();
    expect(samePositionsAs(decodeProblems([problemIn(text)], { from: 5, delta: 1 }, [0], 0), 0)).toEqual(problemIn(text));
  });
});
