import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sizeCapProblem } from '../../server/src/core/size-cap.js';
import { generatePostmortem } from '../../bench/generate.js';
import { analyze, ParseCache, parsePostmortem, defaultTemplate, getBuiltinTemplate, fixAll, applyFixes, EMPTY_FILE, FILE_TOO_LARGE, INTERNAL_ERROR, RULES, type Rule } from '../../server/src/core/index.js';
import { addMissingSections } from './add-missing.js';

const lines = (...parts: string[]) => parts.join('\n');
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 16));
const parse = (text: string) => parsePostmortem(text, defaultTemplate());

describe('the postmortem model', () => {
  it('reads the title, the metadata lines and front matter', () => {
    const text = lines('---', 'type: postmortem', 'severity: SEV-1', '---', '# Postmortem: Disk full', '', '**Duration:** 2024-03-01 10:00 - 2024-03-01 12:30 UTC', '**Status:** Draft', '');
    const pm = parse(text);
    expect(pm.title?.value).toBe('Postmortem: Disk full');
    expect(text.slice(pm.title!.range.start, pm.title!.range.end)).toBe('# Postmortem: Disk full');
    expect(iso(pm.metadata.duration!.start)).toBe('2024-03-01T10:00');
    expect(iso(pm.metadata.duration!.end)).toBe('2024-03-01T12:30');
    expect(pm.metadata.status?.value).toBe('Draft');
    expect(pm.metadata.severity?.value).toBe('SEV-1');
    expect(pm.frontMatter?.data?.type).toBe('postmortem');
  });

  it('reads front matter as YAML does: a repeated key is an error, aliases resolve, bad YAML says why', () => {
    const front = (yaml: string) => parse(`---\n${yaml}\n---\n# T\n`).frontMatter;
    expect(front('severity: SEV-1\nseverity: SEV-2')).toMatchObject({ data: null, error: 'Map keys must be unique: severity' });
    expect(front('a: &x [1]\nb: *x')?.data).toEqual({ a: [1], b: [1] });
    expect(front('key: [unclosed')?.error).toMatch(/Flow sequence/);
    expect(front('- a\n- b')?.data).toBeNull();
  });

  it('builds the section tree with ranges that map back to the text', () => {
    const text = lines('# T', '', '## Root Cause and Resolution', '', '### Root Cause', 'x', '', '### Resolution', 'y', '', '## Conclusion', 'z');
    const pm = parse(text);
    expect(pm.sections.map((s) => s.title)).toEqual(['Root Cause and Resolution', 'Conclusion']);
    expect(pm.sections[0].children.map((s) => s.title)).toEqual(['Root Cause', 'Resolution']);
    const rc = pm.sections[0];
    expect(text.slice(rc.range.start, rc.range.end)).toBe(lines('## Root Cause and Resolution', '', '### Root Cause', 'x', '', '### Resolution', 'y', '', ''));
    expect(rc.children[0].template?.title).toBe('Root Cause');
  });

  it('matches titles ignoring case, numbering, emphasis, trailing colons and a parenthetical', () => {
    const pm = parse(lines('# T', '## 2. *impact*:', '', '## Timeline (UTC)', '', '## III. Lessons learned', ''));
    expect(pm.allSections.map((s) => s.template?.title)).toEqual(['Impact', 'Timeline', 'Lessons Learned']);
  });

  it('reads timeline entries from lists and tables, with dates carried forward', () => {
    const text = lines(
      '# T', '', '## Timeline', '', 'All times in UTC', '',
      '- `2019-12-03`', '- `07:35` rollback started', '- ~08:05 approx', '- 0910 - bare HHMM', '- [x] 09:15 task item',
      '', '| When | What |', '|---|---|', '| 14.43 | table row |', '| TBD | unknown |', '',
    );
    const pm = parse(text);
    const entries = pm.timeline.map((e) => [iso(e.instant), e.text, e.dateOnly]);
    expect(entries).toEqual([
      ['2019-12-03T00:00', '', true],
      ['2019-12-03T07:35', 'rollback started', false],
      ['2019-12-03T08:05', 'approx', false],
      ['2019-12-03T09:10', 'bare HHMM', false],
      ['2019-12-03T09:15', 'task item', false],
      ['2019-12-03T14:43', 'table row', false],
      [null, 'unknown', false],
    ]);
    expect(parse(lines('# T', '## Timeline', '', '- **TBD:** restart', '- `??:??` page', '')).timeline.map((e) => [e.timeText, e.text])).toEqual([['TBD', 'restart'], ['??:??', 'page']]);
    expect(pm.timeline[2].approximate).toBe(true);
    for (const entry of pm.timeline) expect(text.slice(entry.timeRange.start, entry.timeRange.end)).toBe(entry.timeText);
  });

  it('reads prose lines that start with a time as entries, but not counts', () => {
    const pm = parse(lines('# T', '**Date:** 2024-07-01', '', '## Timeline', '', '1500 requests failed before anyone looked.', '15:10 paged the on-call', ''));
    expect(pm.timeline.map((e) => [iso(e.instant), e.text])).toEqual([['2024-07-01T15:10', 'paged the on-call']]);
  });

  it('uses the zone of the heading, then of the entry', () => {
    const pm = parse(lines('# T', '**Date:** 2024-07-01', '', '## Timeline (PDT)', '', '- 09:00 start', '- 18:00 UTC later', ''));
    expect(pm.timeline.map((e) => iso(e.instant))).toEqual(['2024-07-01T16:00', '2024-07-01T18:00']);
  });

  it('reads action items with their tags, in lists and task lists', () => {
    const pm = parse(lines('# T', '', '## Action Items', '', '- [ ] **fix:** lower case', '- TODO: plain', '- **Fix**: colon outside', '- **Fxi:** typo', '- none', ''));
    expect(pm.actionItems.map((a) => [a.tag, a.writtenTag, a.text, a.checked])).toEqual([
      ['Fix', 'fix', 'lower case', false],
      ['TODO', 'TODO', 'plain', null],
      ['Fix', 'Fix', 'colon outside', null],
      [null, 'Fxi', 'typo', null],
      [null, undefined, 'none', null],
    ]);
  });

  it('keeps offsets right with a BOM and CRLF line endings', () => {
    const text = '\uFEFF# T\r\n\r\n## Timeline\r\n\r\n- **15:00:** a\r\n- **14:00:** b\r\n';
    const { problems, postmortem } = analyze(text);
    const order = problems.find((p) => p.rule === 'timeline-order')!;
    expect(text.slice(order.range.start, order.range.end)).toBe('14:00');
    expect(text.slice(postmortem!.allSections[0].headingRange.start, postmortem!.allSections[0].headingRange.end)).toBe('## Timeline');
  });
});

describe('the engine', () => {
  it('honours disable comments: file-wide, next line and same line', () => {
    // Two steps back among forward ones (a timeline that mostly goes back reads as newest first).
    const base = lines('# T', '', '## Timeline', '', '- 15:00 a', '- 14:00 b', '- 16:00 c', '- 13:00 d', '- 17:00 e', '');
    const count = (text: string) => analyze(text).problems.filter((p) => p.rule === 'timeline-order').length;
    expect(count(base)).toBe(2);
    expect(count(base.replace('- 14:00 b', '- 14:00 b <!-- postmortem-disable-line timeline-order -->'))).toBe(1);
    expect(count(base.replace('- 14:00 b', '<!-- postmortem-disable-next-line timeline-order -->\n- 14:00 b'))).toBe(1);
    expect(count('<!-- postmortem-disable timeline-order -->\n' + base)).toBe(0);
    expect(count('<!-- postmortem-disable other-rule -->\n' + base)).toBe(2);
  });

  it('applies rule severities and switches rules off', () => {
    const text = lines('# T', '', '## Timeline', '', '- 15:00 a', '- 14:00 b', '');
    const problems = analyze(text, { rules: { 'timeline-order': 'info', 'missing-section': 'off' } }).problems;
    expect(problems.find((p) => p.rule === 'timeline-order')?.severity).toBe('info');
    expect(problems.some((p) => p.rule === 'missing-section')).toBe(false);
  });

  it('isolates a rule that throws', () => {
    const broken: Rule = { name: 'broken', description: 'x', defaultSeverity: 'error', fixable: false, check: () => { throw new Error('boom'); } };
    const problems = analyze('# T\n\n## Timeline\n\n- 15:00 a\n- 14:00 b\n', { ruleSet: [broken, ...RULES] }).problems;
    expect(problems.find((p) => p.rule === INTERNAL_ERROR)?.message).toContain('boom');
    expect(problems.some((p) => p.rule === 'timeline-order')).toBe(true);
  });

  it('offers the template for an empty file, and the result has only placeholder problems', () => {
    const { problems } = analyze('  \n', { now: new Date('2024-05-01T12:00:00Z') });
    expect(problems.map((p) => p.rule)).toEqual([EMPTY_FILE]);
    // Fix All leaves an empty file alone; the quick fix writes the template.
    expect(fixAll('  \n', { now: new Date('2024-05-01T12:00:00Z') }).text).toBe('  \n');
    const text = applyFixes('  \n', problems[0].fixes).text;
    expect(text).toContain('# Postmortem:');
    const after = analyze(text).problems;
    expect(after.length).toBeGreaterThan(0);
    // Empty sections, and the Duration whose times are still HH:MM.
    expect(new Set(after.map((p) => p.rule))).toEqual(new Set(['empty-section', 'placeholder-text']));
  });

  it('refuses a file above the size cap with one clear message', () => {
    const big = '# T\n\n' + 'word '.repeat(1024 * 1024);
    const { problems, postmortem } = analyze(big, { maxFileSizeKB: 2048 });
    expect(postmortem).toBeNull();
    expect(problems).toHaveLength(1);
    expect(problems[0].rule).toBe(FILE_TOO_LARGE);
    expect(problems[0].message).toContain('postmortem.maxFileSizeKB');
  });

  it('refuses a file under the byte cap whose lines and table cells would exhaust the parser', () => {
    // 1,000 columns x 200 rows: 400 KB, but 200,000 cells (remark needs gigabytes for such a table).
    const table = `# T\n\n## Timeline\n\n${'|a'.repeat(1000)}|\n${'|-'.repeat(1000)}|\n${`${'|1'.repeat(1000)}|\n`.repeat(200)}`;
    const { problems, postmortem } = analyze(table, { maxFileSizeKB: 2048 });
    expect(postmortem).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ rule: FILE_TOO_LARGE, severity: 'info', message: expect.stringMatching(/more than 65,536 lines and table cells.*postmortem\.maxFileSizeKB/) })]);
    // Raising the cap raises the structure allowance with it.
    expect(sizeCapProblem(table, 8192)).toBeUndefined();
  });

  it('counts lines and cells again only where an edit changed them, and agrees with a fresh count', () => {
    // A 1 KB cap allows 32 lines and cells: random texts of line breaks and pipes go over and back under it.
    const text = fc.array(fc.constantFrom('\n', '|', '\r', '\r\n', 'a', ' '), { minLength: 20, maxLength: 200 }).map((parts) => parts.join(''));
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 10 }), insert: fc.array(fc.constantFrom('\n', '|', '\r', 'a'), { maxLength: 12 }).map((parts) => parts.join('')) });
    let over = 0;
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
        const cache = new ParseCache();
        let current = start;
        for (const { at, remove, insert } of [{ at: 0, remove: 0, insert: '' }, ...edits]) {
          const position = at % (current.length + 1);
          current = current.slice(0, position) + insert + current.slice(position + remove);
          const fresh = sizeCapProblem(current, 1);
          if (fresh) over++;
          expect(sizeCapProblem(current, 1, cache)).toEqual(fresh);
        }
      }),
      { numRuns: 500 },
    );
    expect(over).toBeGreaterThan(100);
  });

  it('keeps a realistic postmortem just under the byte cap analysable', () => {
    const realistic = generatePostmortem(2040 * 1024);
    expect(realistic.length).toBeLessThanOrEqual(2048 * 1024);
    expect(sizeCapProblem(realistic, 2048)).toBeUndefined();
  });

  it('adding every missing section puts them in template order and re-lints clean of them', () => {
    const text = lines('# Postmortem: x', '', '## Impact', '', 'Something broke.', '');
    const fixed = addMissingSections(text);
    const titles = parse(fixed).allSections.map((s) => s.title);
    expect(titles).toEqual(['Impact', 'Timeline', 'Root Cause and Resolution', 'Root Cause', 'Resolution', 'Corrective and Preventative Measures', 'Lessons Learned', 'Conclusion']);
    expect(fixed.startsWith(text.trimEnd())).toBe(true);
    expect(analyze(fixed).problems.filter((p) => p.rule === 'missing-section')).toEqual([]);
  });

  it('works with the other built-in templates', () => {
    const google = getBuiltinTemplate('google-sre')!;
    const text = lines('# Postmortem: x', '', '## Summary', 'a', '', '## Impact', 'b', '');
    const missing = analyze(text, { template: google }).problems.filter((p) => p.rule === 'missing-section').map((p) => p.message);
    expect(missing.some((m) => m.includes('Root Causes'))).toBe(true);
    expect(missing.some((m) => m.includes('Summary'))).toBe(false);
  });
});
