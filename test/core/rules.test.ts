import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyFixes, RULES, lineOf, computeLineStarts } from '../../server/src/core/index.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/rules');
const read = (...parts: string[]) => readFileSync(join(FIXTURES, ...parts), 'utf8');

describe('rule fixtures', () => {
  const ruleDirs = readdirSync(FIXTURES);

  it('every rule has a fixture folder', () => {
    expect(ruleDirs.sort()).toEqual(RULES.map((rule) => rule.name).sort());
  });

  for (const rule of RULES) {
    describe(rule.name, () => {
      it('reports nothing on the clean fixture', () => {
        const { problems } = analyze(read(rule.name, 'pass.md'));
        expect(problems).toEqual([]);
      });

      it('reports the expected problems on the failing fixture', () => {
        const text = read(rule.name, 'fail.md');
        const expected = JSON.parse(read(rule.name, 'fail.expected.json')) as { rule: string; line: number; count?: number }[];
        const starts = computeLineStarts(text);
        const actual = analyze(text).problems.filter((p) => p.rule === rule.name).map((p) => lineOf(starts, p.range.start) + 1);
        expect(actual).toEqual(expected.flatMap((e) => Array(e.count ?? 1).fill(e.line)));
      });

      if (rule.fixable) {
        it('fixes leave a document without those problems, touching nothing else', () => {
          const text = read(rule.name, 'fail.md');
          const before = analyze(text).problems.filter((p) => p.rule === rule.name && p.fixes.length > 0);
          expect(before.length).toBeGreaterThan(0);
          const fixes = before.map((p) => p.fixes.find((f) => f.isPreferred) ?? p.fixes[0]);
          let fixed = text;
          // Insertions at one spot are applied one pass at a time, as fix-all does.
          for (let pass = 0; pass < 10; pass++) {
            const remaining = analyze(fixed).problems.filter((p) => p.rule === rule.name && p.fixes.length > 0);
            if (remaining.length === 0) break;
            fixed = applyFixes(fixed, remaining.map((p) => p.fixes.find((f) => f.isPreferred) ?? p.fixes[0])).text;
          }
          expect(fixes.length).toBe(before.length);
          expect(analyze(fixed).problems.filter((p) => p.rule === rule.name)).toEqual([]);
          expect(fixed).not.toBe(text);
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
