// Problems cross from the analysis worker as a delta on the ones sent before (node/problem-delta.ts),
// and the publisher converts each problem object once (lsp/converted-problems.ts). What the other
// side rebuilds must equal what the engine found, whatever the edit; what it reuses is exactly the
// problems before the edit.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeProblems, encodeProblems, ProblemRecord, samePositionsAs, samePositionsFrom, shiftBetween, shiftedProblem } from '../../server/src/node/problem-delta.js';
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

  it('marks the problems an edit on an earlier line left at their lines and columns', async () => {
    pool = new WorkerPool({ file: join(ROOT, 'dist/analysis-worker.cjs'), size: 1 });
    const problemsOf = async (text: string) => {
      const outcome = await pool!.run(request(text));
      return outcome.status === 'done' ? outcome.value.analysis.problems : [];
    };
    const text = doc(TAGS);
    const first = await problemsOf(text);
    // The action items after the edit, and the missing sections before it whose fixes insert after it.
    const typed = await problemsOf(text.replace('Slow.', 'Slower.'));
    const copies = typed.flatMap((problem, index) => (first.includes(problem) ? [] : [index]));
    expect(copies.length).toBeGreaterThanOrEqual(TAGS.length);
    for (const index of copies) expect(samePositionsAs(typed, index)).toBeDefined();
    const broken = await problemsOf(text.replace('Slow.', 'Slow\ner.'));
    broken.forEach((_, index) => expect(samePositionsAs(broken, index)).toBeUndefined());
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
    const first = converted.diagnostic(document, [problem], 0, { analysis: 1, version: 1, index: 0 });
    // A later version whose text is the same up to the problem: the same conversion, with its own data.
    const later = new Snapshot('file:///d.md', 'markdown', 2, `${text}- **Fix:** more.\n`);
    const second = converted.diagnostic(later, [problem], 0, { analysis: 2, version: 2, index: 0 });
    expect(second.range).toBe(first.range);
    expect(second.data).toEqual({ analysis: 2, version: 2, index: 0 });
    expect(first.data).toEqual({ analysis: 1, version: 1, index: 0 });
    // Another problem object (one an edit moved) is converted on its own document.
    const moved = { ...problem, range: { start: problem.range.start + 1, end: problem.range.end + 1 } };
    const shiftedText = `x${text}`;
    expect(converted.diagnostic(new Snapshot('file:///d.md', 'markdown', 3, shiftedText), [moved], 0, { analysis: 3, version: 3, index: 0 }).range).toEqual(first.range);
  });
});

describe('shifted copies at the same lines and columns', () => {
  const URL_OF = (problem: Problem) => (problem.rule === 'r' ? undefined : `https://x/${problem.rule}.md`);
  /** The path a result takes: the worker's record, the pool's, then the publisher's conversions (each version published unless told). */
  function publisher() {
    const worker = new ProblemRecord();
    const pool = new ProblemRecord();
    const converted = new ConvertedProblems();
    let version = 0;
    return (text: string, problems: Problem[], publish = true) => {
      version++;
      const sent = worker.encode('u', text, problems);
      const decoded = pool.decode('u', text, structuredClone(sent.problems), sent.shift && { ...sent.shift });
      const document = new Snapshot('file:///d.md', 'markdown', version, text);
      const data = (index: number) => ({ analysis: version, version, index });
      const fresh = problems.map((problem, index) => toDiagnostic(document, problem, data(index), URL_OF(problem)));
      const diagnostics = publish ? decoded.map((problem, index) => converted.diagnostic(document, decoded, index, data(index), URL_OF(problem))) : [];
      return { decoded, diagnostics, fresh };
    };
  }
  const text = '# T\n\nline one\nline two\n\nfirst problem here\nnote\n';
  const at = (s: string, word: string) => s.indexOf(word);
  /** A problem on "problem" with a related note on "note" and a fix, found in `s`. */
  const problemIn = (s: string): Problem => ({
    rule: 'action-item-unknown-tag', severity: 'warning', message: 'm', range: { start: at(s, 'problem'), end: at(s, 'problem') + 7 },
    fixes: [{ title: 'f', edits: [{ start: at(s, 'problem'), end: at(s, 'problem') + 7, newText: 'p' }] }],
    related: [{ range: { start: at(s, 'note'), end: at(s, 'note') + 4 }, message: 'see' }],
  });
  /** The diagnostic of the problem before and after `edit`, and what converting it afresh gives. */
  function across(before: string, after: string) {
    const publish = publisher();
    const [first] = publish(before, [problemIn(before)]).diagnostics;
    const { diagnostics: [second], fresh: [expected], decoded } = publish(after, [problemIn(after)]);
    const copy = decoded[0];
    expect(JSON.stringify(second)).toBe(JSON.stringify(expected));
    return { first, second, copy, decoded };
  }

  it('reuses the diagnostic when the edit is on an earlier line and adds or removes no line break', () => {
    const { first, second, copy } = across(text, text.replace('line one', 'line xone'));
    expect(copy.range.start).toBe(problemIn(text).range.start + 1);
    expect(second.range).toBe(first.range);
    expect(second.relatedInformation).toBe(first.relatedInformation);
    // A line break replaced by another, the edit ending on an earlier line than the problem's.
    const swapped = across(text, text.replace('one\nline', 'on\nxline'));
    expect(swapped.second.range).toBe(swapped.first.range);
  });

  it('converts again when the edit adds a line break before the problem: it is one line down', () => {
    const { first, second } = across(text, text.replace('line one', 'line\none'));
    expect(second.range).not.toBe(first.range);
    expect(second.range.start).toEqual({ line: first.range.start.line + 1, character: first.range.start.character });
    expect(second.relatedInformation![0].location.range.start.line).toBe(first.relatedInformation![0].location.range.start.line + 1);
  });

  it('converts again when the edit removes a line break before the problem: it is one line up', () => {
    const { first, second } = across(text, text.replace('one\nline', 'one line'));
    expect(second.range.start).toEqual({ line: first.range.start.line - 1, character: first.range.start.character });
  });

  it('converts again when the edit is on the problem\'s own line, before it: its character moved', () => {
    const { first, second } = across(text, text.replace('first ', 'first x'));
    expect(second.range.start).toEqual({ line: first.range.start.line, character: first.range.start.character + 1 });
    // The related note, on a later line, is where it was; the diagnostic is converted whole again.
    expect(second.relatedInformation![0].location.range).toEqual(first.relatedInformation![0].location.range);
  });

  it('converts again when a character typed between \\r and \\n splits one line break in two', () => {
    const crlf = text.replace('line one\n', 'line one\r\n');
    const { first, second } = across(crlf, crlf.replace('\r\n', '\rx\n'));
    expect(second.range.start.line).toBe(first.range.start.line + 1);
  });

  it('converts again a problem with any offset on the edited line: a related note\'s, or only its fix\'s', () => {
    const onTwo = (s: string) => ({ start: at(s, 'two'), end: at(s, 'two') + 3 });
    const variants = [
      (s: string): Problem => ({ ...problemIn(s), related: [{ range: onTwo(s), message: 'see' }] }),
      (s: string): Problem => ({ ...problemIn(s), related: undefined, fixes: [{ title: 'f', edits: [{ ...onTwo(s), newText: 'x' }] }] }),
    ];
    for (const problemIn of variants) {
      const publish = publisher();
      const [first] = publish(text, [problemIn(text)]).diagnostics;
      const after = text.replace('line two', 'line xtwo');
      const { diagnostics: [second], fresh: [expected], decoded } = publish(after, [problemIn(after)]);
      expect(samePositionsAs(decoded, 0)).toBeUndefined();
      expect(second.range).not.toBe(first.range);
      expect(second).toEqual(expected);
    }
  });

  it('reuses the diagnostic of a problem before the edit that only its fix puts after it', () => {
    const publish = publisher();
    const heading = (s: string): Problem => ({ rule: 'q', severity: 'error', message: 'm', range: { start: 0, end: 3 }, fixes: [{ title: 'f', edits: [{ start: at(s, 'note'), end: at(s, 'note'), newText: 'x' }] }] });
    const [first] = publish(text, [heading(text)]).diagnostics;
    const after = text.replace('line one', 'line xone');
    const { diagnostics: [second], fresh: [expected] } = publish(after, [heading(after)]);
    expect(second.range).toBe(first.range);
    expect(second).toEqual(expected);
    // One whose end was in what the edit removed, and moved back before the edit: not before it in the text it was found in.
    const again = publisher();
    const spanning = (end: number): Problem => ({ rule: 'q', severity: 'error', message: 'm', range: { start: 0, end }, fixes: [] });
    const cut = '# T\n\nab\ncd\n';
    again(cut, [spanning(cut.indexOf('cd'))]);
    const shorter = cut.replace('ab\ncd', 'ab');
    const { diagnostics: [moved], fresh: [fresh], decoded } = again(shorter, [spanning(cut.indexOf('cd') + shorter.length - cut.length)]);
    expect(samePositionsAs(decoded, 0)).toBeUndefined();
    expect(moved).toEqual(fresh);
  });

  it('shares one conversion along a line of copies, through versions never published', () => {
    const publish = publisher();
    const texts = [text, text.replace('one', 'xone'), text.replace('one', 'xxone'), text.replace('one', 'xxxone')];
    const { decoded: [original], diagnostics: [first] } = publish(texts[0], [problemIn(texts[0])], false);
    expect(first).toBeUndefined();
    const second = publish(texts[1], [problemIn(texts[1])]);
    const third = publish(texts[2], [problemIn(texts[2])], false);
    const fourth = publish(texts[3], [problemIn(texts[3])]);
    // Each copy maps to the first problem of the line, not to the one before it (which it would keep alive, and so on back).
    expect(samePositionsAs(third.decoded, 0)).toBe(original);
    expect(samePositionsAs(fourth.decoded, 0)).toBe(original);
    expect(fourth.diagnostics[0].range).toBe(second.diagnostics[0].range);
    expect(fourth.diagnostics[0]).toEqual(fourth.fresh[0]);
    // Typed after it, the problem comes back as the very same object: still converted once.
    const fifth = publish(`${texts[3]}x`, [problemIn(texts[3])]);
    expect(fifth.decoded[0]).toBe(fourth.decoded[0]);
    expect(samePositionsAs(fifth.decoded, 0)).toBe(original);
    expect(fifth.diagnostics[0].range).toBe(second.diagnostics[0].range);
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

  it('places by the change it is handed only when that is from the text it holds', () => {
    const after = text.replace('one', 'xone');
    const from = text.indexOf('one');
    const placed = (change: Parameters<ProblemRecord['decode']>[4]) => {
      const worker = new ProblemRecord();
      const pool = new ProblemRecord();
      pool.decode('u', text, worker.encode('u', text, [problemIn(text)]).problems, undefined);
      const sent = worker.encode('u', after, [problemIn(after)]);
      return samePositionsAs(pool.decode('u', after, sent.problems, sent.shift, change), 0) !== undefined;
    };
    expect(placed(undefined)).toBe(true);
    expect(placed({ before: text, change: { from, oldEnd: from, newEnd: from + 1 } })).toBe(true);
    // One that would put the edit's end past the problem: from another text, so not used.
    expect(placed({ before: 'other', change: { from, oldEnd: text.length, newEnd: after.length } })).toBe(true);
    expect(placed({ before: text, change: { from, oldEnd: text.length, newEnd: after.length } })).toBe(false);
  });

  it('equals a fresh conversion whatever the edits, line breaks and problems', () => {
    const chunk = fc.constantFrom('a', 'bc', ' ', '\n', '\r\n', '\r', '\u00e9', '\u{1F600}', '- **x:** y\n');
    const joined = (max: number) => fc.array(chunk, { maxLength: max }).map((parts) => parts.join(''));
    const pair = fc.record({ a: fc.nat(), b: fc.nat() });
    const spec = fc.record({ at: pair, notes: fc.option(fc.array(pair, { maxLength: 2 })), fix: fc.option(pair), rule: fc.constantFrom('r', 'q') });
    // Mostly typing within a line (what reuses), sometimes line breaks in or out.
    const typed = fc.array(fc.constantFrom('a', ' ', '\u00e9', '\u{1F600}'), { maxLength: 3 }).map((parts) => parts.join(''));
    const insert = fc.oneof({ arbitrary: typed, weight: 2 }, { arbitrary: joined(3), weight: 1 });
    const version = fc.record({ at: fc.nat(), remove: fc.oneof(fc.nat({ max: 2 }), fc.nat({ max: 8 })), insert, keep: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fresh: fc.array(spec, { maxLength: 2 }), publish: fc.boolean() });
    type Pair = { a: number; b: number };
    const range = ({ a, b }: Pair, s: string) => ({ start: a % (s.length + 1), end: a % (s.length + 1) + (b % (s.length + 1 - (a % (s.length + 1)))) });
    const make = (p: { at: Pair; notes: Pair[] | null; fix: Pair | null; rule: string }, s: string): Problem => {
      const problem: Problem = { rule: p.rule, severity: 'warning', message: `m${p.rule}`, range: range(p.at, s), fixes: p.fix ? [{ title: 't', edits: [{ ...range(p.fix, s), newText: 'n' }] }] : [] };
      if (p.notes) problem.related = p.notes.map((note, i) => ({ range: range(note, s), message: `see ${i}` }));
      return problem;
    };
    const inside = (problem: Problem, s: string) => !/-\d/.test(JSON.stringify(problem)) && Math.max(...[...JSON.stringify(problem).matchAll(/"(?:start|end)":(\d+)/g)].map((m) => Number(m[1]))) <= s.length;
    let reused = 0;
    fc.assert(
      fc.property(joined(40), fc.array(spec, { maxLength: 6 }), fc.array(version, { minLength: 1, maxLength: 6 }), (start, specs, versions) => {
        const publish = publisher();
        let s = start;
        let problems = specs.map((p) => make(p, s));
        let seen = publish(s, problems).diagnostics;
        for (const v of versions) {
          const position = v.at % (s.length + 1);
          const next = s.slice(0, position) + v.insert + s.slice(position + v.remove);
          // What the engine would find again, moved as the delta moves it, and some problems of its own.
          const shift = shiftBetween(s, next);
          const carried = problems.filter((_, i) => v.keep[i % v.keep.length]).map((p) => shiftedProblem(p, shift)).filter((p) => inside(p, next));
          problems = [...carried, ...v.fresh.map((p) => make(p, next))];
          s = next;
          const { diagnostics, fresh } = publish(s, problems, v.publish);
          if (!v.publish) continue;
          diagnostics.forEach((diagnostic, i) => expect(JSON.stringify(diagnostic)).toBe(JSON.stringify(fresh[i])));
          reused += diagnostics.filter((d) => seen.some((e) => e.range === d.range)).length;
          seen = diagnostics;
        }
      }),
      { numRuns: 400 },
    );
    // The property says nothing if no diagnostic was ever reused.
    expect(reused).toBeGreaterThan(10);
  });
});
