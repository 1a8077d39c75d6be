// Rule fixtures the way markdownlint tests its rules: every fixture is linted with ALL rules, and
// the problems it must give are marked inline on their line (`<!-- expect: rule-a, rule-b x2 -->`),
// so a missing problem, or an extra one from any rule, fails. A failing fixture of a fixable rule
// has its fixed text committed beside it (`fail.fixed.md`), which the fixes must produce exactly.
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze as analyzeWith, applyFixes, frontMatterTemplate, getBuiltinTemplate, RULES, lineOf, computeLineStarts, type Fix, type Problem } from '../../server/src/core/index.js';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/rules');
const read = (...parts: string[]) => readFileSync(join(FIXTURES, ...parts), 'utf8');
/** As the editor and CLI lint a file: with the built-in template its front matter names, else the default. */
const analyze = (text: string) => analyzeWith(text, { template: getBuiltinTemplate(frontMatterTemplate(text) ?? 'default') });
const FIXABLE = new Set(RULES.filter((rule) => rule.fixable).map((rule) => rule.name));

/** `line:rule` (1-based) for every problem the markers ask for. */
function expectedProblems(text: string): string[] {
  return text.split('\n').flatMap((line, i) =>
    [...line.matchAll(/<!-- expect: (.*?) -->/g)].flatMap((marker) =>
      marker[1].split(',').flatMap((item) => {
        const [, rule, times] = /^\s*([a-z-]+)(?: x(\d+))?\s*$/.exec(item) ?? [];
        if (!rule) throw new Error(`Unreadable expect marker on line ${i + 1}: ${item}`);
        return Array<string>(Number(times ?? 1)).fill(`${i + 1}:${rule}`);
      }),
    ),
  ).sort();
}

function actualProblems(text: string, problems = analyze(text).problems): string[] {
  const starts = computeLineStarts(text);
  return problems.map((p) => `${lineOf(starts, p.range.start) + 1}:${p.rule}`).sort();
}

/**
 * Every problem fixed, as fix-all does it (passes, so insertions at one spot all land), taking the
 * first fix offered where none is preferred (action-item-untagged lets the author pick the tag).
 */
function fixEverything(text: string): string {
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const fixes = analyze(current).problems.flatMap((p) => (p.fixes.length ? [p.fixes.find((fix) => fix.isPreferred) ?? p.fixes[0]] : []));
    const next = applyFixes(current, fixes).text;
    if (next === current) return current;
    current = next;
  }
  throw new Error('fixes did not settle in 10 passes');
}

/** Where a fix's new text lands in the fixed document. */
function writtenRanges(fix: Fix): { start: number; end: number }[] {
  let shift = 0;
  return [...fix.edits].sort((a, b) => a.start - b.start).map((edit) => {
    const start = edit.start + shift;
    shift += edit.newText.length - (edit.end - edit.start);
    return { start, end: start + edit.newText.length };
  });
}

/** How many problems of each rule, with their messages: what a fix must leave alone. */
const tally = (problems: Problem[]) => problems.map((p) => `${p.rule}: ${p.message}`).sort();

describe('the expect markers', () => {
  it('are read as written, repeats included', () => {
    expect(expectedProblems('a\nb <!-- expect: timeline-order, missing-section x2 -->\n')).toEqual(['2:missing-section', '2:missing-section', '2:timeline-order']);
    expect(() => expectedProblems('<!-- expect: Not A Rule! -->')).toThrow(/Unreadable/);
  });
});

describe('rule fixtures, linted with all rules', () => {
  const folders = readdirSync(FIXTURES).sort();

  for (const folder of folders) {
    describe(folder, () => {
      it('the passing fixture, its near misses, gives no problem at all', () => {
        const text = read(folder, 'pass.md');
        expect(expectedProblems(text)).toEqual([]);
        expect(actualProblems(text)).toEqual([]);
      });

      it('the failing fixture gives exactly the problems marked on its lines', () => {
        const text = read(folder, 'fail.md');
        const expected = expectedProblems(text);
        expect(expected.some((p) => p.endsWith(`:${folder}`)), `fail.md marks at least one ${folder}`).toBe(true);
        expect(actualProblems(text)).toEqual(expected);
      });

      if (FIXABLE.has(folder)) {
        it('fixing everything gives fail.fixed.md, which re-lints clean of the fixed rules', () => {
          const fixed = fixEverything(read(folder, 'fail.md'));
          expect(fixed).toEqual(read(folder, 'fail.fixed.md'));
          expect(actualProblems(fixed).filter((p) => FIXABLE.has(p.split(':')[1]))).toEqual([]);
        });

        it('each fix, applied alone, removes its own problem and changes no other', () => {
          const text = read(folder, 'fail.md');
          const before = analyze(text).problems;
          const fixable = before.filter((p) => p.rule === folder && p.fixes.length > 0);
          expect(fixable.length).toBeGreaterThan(0);
          for (const problem of fixable) {
            for (const fix of problem.fixes) {
              const written = writtenRanges(fix);
              // A section or field a fix inserts is empty until the author writes it: that problem is the fix's own.
              const after = analyze(applyFixes(text, [fix]).text).problems.filter((p) => !((p.rule === 'empty-section' || p.rule === 'placeholder-text') && written.some((r) => r.start <= p.range.start && p.range.start <= r.end)));
              const rest = before.filter((p) => p !== problem);
              // The problem is gone (once: a sibling with the same message may stay), nothing else moved.
              expect(tally(after), `${fix.title} on ${problem.message}`).toEqual(tally(rest));
            }
          }
        });
      }
    });
  }
});

describe('messages read as plain text', () => {
  it('no problem message of the fixtures carries raw Markdown emphasis', () => {
    const raw = readdirSync(FIXTURES).flatMap((rule) => analyze(read(rule, 'fail.md')).problems.map((p) => p.message)).filter((m) => m.includes('**'));
    expect(raw).toEqual([]);
  });

  it('the untagged message names the tags', () => {
    const [problem] = analyze('# Postmortem: x\n\n## Corrective and Preventative Measures\n\n- Add an alert.\n').problems.filter((p) => p.rule === 'action-item-untagged');
    expect(problem.message).toBe('Action item has no tag; start it with one of Fix, Improvement or TODO, in bold with a colon (quick fix).');
  });
});

describe('built-in placeholders', () => {
  it('mention sub-sections only where the new document has them', async () => {
    const { BUILTIN_TEMPLATES, postmortemSkeleton } = await import('../../server/src/core/index.js');
    for (const [name, template] of Object.entries(BUILTIN_TEMPLATES)) {
      const text = postmortemSkeleton(template, { date: '2024-05-01' });
      for (const comment of text.match(/<!--.*?-->/g) ?? []) {
        if (/subsection|sub-section|below/i.test(comment)) expect.fail(`${name}: ${comment} promises sub-sections the new document lacks`);
      }
    }
  });
});

describe('every rule', () => {
  it('has a unique name, a description, a documentation page and a fixture folder', () => {
    const names = RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    expect(readdirSync(FIXTURES).sort()).toEqual([...names].sort());
    for (const rule of RULES) {
      expect(rule.description.length, rule.name).toBeGreaterThan(10);
      expect(existsSync(join(ROOT, 'docs/rules', `${rule.name}.md`)), `docs/rules/${rule.name}.md`).toBe(true);
      for (const file of ['pass.md', 'fail.md']) expect(existsSync(join(FIXTURES, rule.name, file)), `${rule.name}/${file}`).toBe(true);
      expect(existsSync(join(FIXTURES, rule.name, 'fail.fixed.md')), `${rule.name}/fail.fixed.md exactly when fixable`).toBe(rule.fixable);
    }
  });

  it('is marked fixable exactly when it offers fixes on the fixtures', () => {
    const offered = new Set<string>();
    for (const folder of readdirSync(FIXTURES)) {
      for (const file of ['pass.md', 'fail.md']) for (const p of analyze(read(folder, file)).problems) if (p.fixes.length > 0) offered.add(p.rule);
    }
    expect([...offered].sort()).toEqual([...FIXABLE].sort());
  });

  it('has a passing fixture of its own: no two are the same text', () => {
    const texts = readdirSync(FIXTURES).map((folder) => read(folder, 'pass.md'));
    expect(new Set(texts).size).toBe(texts.length);
  });
});
