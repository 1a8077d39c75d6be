// Fix All (and --fix) must never make a document worse: whatever the template, every problem
// left afterwards was there before.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { addsProblems, analyze, BUILTIN_TEMPLATES, fixAll, getBuiltinTemplate, type Problem } from '../../server/src/core/index.js';

const ROOT = join(import.meta.dirname, '../..');

function markdownUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownUnder(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const DOCUMENTS = ['examples', 'test/fixtures', 'test/protocol/fixtures', 'test/vscode/workspace', 'test/e2e/workspace'].flatMap((dir) => markdownUnder(join(ROOT, dir)));
const key = (p: Problem) => `${p.rule}: ${p.message}`;

describe('Fix All adds no problem', () => {
  it('has documents to try', () => {
    expect(DOCUMENTS.length).toBeGreaterThan(25);
  });

  for (const name of Object.keys(BUILTIN_TEMPLATES)) {
    it(`every example and fixture under ${name}`, () => {
      const template = getBuiltinTemplate(name)!;
      const worse: string[] = [];
      for (const path of DOCUMENTS) {
        const text = readFileSync(path, 'utf8');
        const before = analyze(text, { template }).problems.map(key);
        const result = fixAll(text, { template });
        const after = analyze(result.text, { template }).problems.map(key);
        const added = after.filter((problem) => {
          const at = before.indexOf(problem);
          if (at < 0) return true;
          before.splice(at, 1);
          return false;
        });
        if (added.length) worse.push(`${relative(ROOT, path)}: ${added.join(' | ')}`);
        expect(result.left).toBe(after.length);
      }
      expect(worse).toEqual([]);
    });
  }
});

// The walk-through that found it: a default-template postmortem checked against google-sre.
const DEFAULT_SHAPED = `# Postmortem: Checkout errors

**Duration:** 2024-05-14 14:00 - 2024-05-14 15:00 (UTC)

## Impact

Checkout failed for 10% of users.

## Timeline

- **14:00:** Deploy.
- **14:05:** Alert fires.

## Root Cause and Resolution

### Root Cause

A bad config.

### Resolution

Rolled back.

## Corrective and Preventative Measures

- **Fix:** Validate the config.

## Lessons Learned

Canaries help.
`;

describe('Fix All after a template switch', () => {
  const template = getBuiltinTemplate('google-sre')!;

  it('inserts no section and leaves Root Cause and Resolution its sub-sections', () => {
    const { text } = fixAll(DEFAULT_SHAPED, { template });
    expect(text).not.toContain('## Action Items');
    expect(text).not.toContain('## Summary');
    expect(text).toContain('## Root Cause and Resolution\n\n### Root Cause');
    expect(text).toContain('### Resolution');
  });

  it('offers “Rename to Action Items” on the heading that plausibly is it, before inserting one', () => {
    const problem = analyze(DEFAULT_SHAPED, { template }).problems.find((p) => p.message === 'Missing required section “Action Items”.')!;
    expect(problem.fixes.map((f) => [f.title, f.isPreferred, f.fixAll])).toEqual([
      ['Rename “Corrective and Preventative Measures” to “Action Items”', true, false],
      ['Add section “Action Items”', false, false],
    ]);
    const [rename] = problem.fixes;
    const renamed = DEFAULT_SHAPED.slice(0, rename.edits[0].start) + rename.edits[0].newText + DEFAULT_SHAPED.slice(rename.edits[0].end);
    expect(renamed).toContain('## Action Items\n\n- **Fix:** Validate the config.');
    expect(analyze(renamed, { template }).problems.filter((p) => p.rule === 'missing-section').map((p) => p.message)).not.toContain('Missing required section “Action Items”.');
  });

  it('a missing section with no plausible stand-in has only the insertion, which Fix All leaves alone', () => {
    const problem = analyze(DEFAULT_SHAPED, { template }).problems.find((p) => p.message === 'Missing required section “Trigger”.')!;
    expect(problem.fixes.map((f) => [f.title, f.fixAll])).toEqual([['Add section “Trigger”', false]]);
  });

  it('still applies a level change that leaves every section its content', () => {
    const text = '# Postmortem: x\n\n## Impact\n\nUsers.\n\n### Timeline\n\n- 10:00 a\n';
    const problem = analyze(text).problems.find((p) => p.rule === 'heading-level')!;
    expect(problem.fixes[0].fixAll).toBe(true);
    expect(fixAll(text).text).toContain('## Timeline');
  });

  it('a level change that would empty its parent is a quick fix only', () => {
    const problem = analyze(DEFAULT_SHAPED, { template }).problems.filter((p) => p.rule === 'heading-level');
    expect(problem.map((p) => p.fixes[0].fixAll)).toEqual([false, false]);
  });
});

describe('addsProblems', () => {
  const problem = (rule: string, message: string): Problem => ({ rule, message, severity: 'warning', range: { start: 0, end: 0 }, fixes: [] });
  it('counts repeats: one of two identical problems fixed adds nothing, a third one does', () => {
    const a = problem('empty-section', 'x');
    expect(addsProblems([a, a], [a])).toBe(false);
    expect(addsProblems([a, a], [a, a, a])).toBe(true);
    expect(addsProblems([a], [problem('empty-section', 'y')])).toBe(true);
  });
});
