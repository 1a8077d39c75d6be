// Cases the property tests found, kept as plain examples so each fix has a test that names it.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { applyDirectives } from '../../server/src/core/disable.js';
import { lineOf, type DisableDirective, type Postmortem, type Problem } from '../../server/src/core/index.js';
import { postmortemMarkdown } from './markdown-arbitrary.js';
import { firstLine } from '../../server/src/core/rules/rule.js';
import { analyze, defaultTemplate, fixAll, getBuiltinTemplate, parsePostmortem, type Template } from '../../server/src/core/index.js';
import { addMissingSections } from '../core/add-missing.js';
import { growthRatio, LINEAR_GROWTH_LIMIT } from '../support/growth.js';

const missing = (text: string, template?: Template) =>
  analyze(text, { template }).problems.filter((p) => p.rule === 'missing-section').map((p) => p.message);

describe('regressions found by the property tests', () => {
  it('a task box right after a setext heading inside a list item is analysed (micromark asserts on it in its dev build)', () => {
    const text = '# Postmortem: x\n\n### Action Items\n\n1. [ ]**Fix: cache *\n  -\n[X] **Fix:** \n  - **Imprvement:** \n\uFEFF\n    - **Fix:** PAY-12\n';
    const { postmortem, problems } = analyze(text);
    expect(postmortem).not.toBeNull();
    expect(problems.filter((p) => p.rule === 'internal-error')).toEqual([]);
  });

  it('a disable comment continued into an indented line of a table is found where it is written', () => {
    // The HTML node's value loses the continuation line's indentation: offsets into it were 3 off.
    const text = '- 03:00 PM: \n| Time | Event |\n|---|---|\n| 03:00 PM | <!-- |\n   #Impact<!-- postmortem-disable -->\n';
    const directives = parsePostmortem(text, defaultTemplate()).directives;
    expect(directives.map((d) => text.slice(d.range.start, d.range.end))).toEqual(['<!-- postmortem-disable -->']);
  });

  it('a setext heading whose text starts with "#" is setext, and gets no ATX fix', () => {
    const text = '####### Impact\nImpact\n-\n';
    expect(parsePostmortem(text, defaultTemplate()).allSections[0]).toMatchObject({ style: 'setext', level: 2 });

    // With a template title that starts with "#", the heading-level fix used to rewrite the "#"
    // as if it were an ATX marker; the heading stayed a level-2 setext heading.
    const template: Template = { ...defaultTemplate(), sections: [{ title: '#1 Priority', level: 3 }] };
    const problem = analyze('#1 Priority\n---\n\nText.\n', { template }).problems.find((p) => p.rule === 'heading-level');
    expect(problem).toMatchObject({ rule: 'heading-level', fixes: [] });
  });

  it('a section added at the end closes a fence or HTML block left open there, instead of landing inside it', () => {
    const cases: [string, string][] = [
      ['## Impact\n\nx\n\n```\ncode', '```\ncode\n```\n\n## Timeline'],
      ['## Impact\n\n~~~~\n```\n', '~~~~\n```\n~~~~\n\n## Timeline'],
      ['## Impact\n\n<!-- postmortem-disable --!>\n', '--!>\n-->\n\n## Timeline'],
      ['## Impact\n\n<script>\nx', '<script>\nx\n</script>\n\n## Timeline'],
      ['## Impact\r\n\r\n<?php\r\n', '<?php\r\n?>\r\n\r\n## Timeline'],
      ['\uFEFF<!-- postmortem-disable --', '--\n-->\n\n## Timeline'],
    ];
    for (const [text, expected] of cases) {
      const fix = analyze(text).problems.find((p) => p.message === 'Missing required section “Timeline”.')!.fixes[0];
      const fixed = text.slice(0, fix.edits[0].start) + fix.edits[0].newText;
      expect(fixed).toContain(expected);
      expect(missing(fixed)).not.toContain('Missing required section “Timeline”.');
    }
    // Closed blocks, and a fence inside a list item (the list ends before the new heading), need nothing.
    for (const text of ['## Impact\n\n```\ncode\n```\n', '## Impact\n\n<!-- a -->\n', '## Impact\n\n<!-->\n', '## Impact\n\n- a\n\n  ```\n  code\n']) {
      const fix = analyze(text).problems.find((p) => p.message === 'Missing required section “Timeline”.')!.fixes[0];
      expect(fix.edits[0].newText.startsWith('\n## Timeline') || fix.edits[0].newText.startsWith('## Timeline')).toBe(true);
    }
    expect(missing(addMissingSections('# T\n\n## Impact\n\nx\n\n```\ncode'))).toEqual([]);
  });

  it('every missing section of a template with more than ten can be added, and then Fix All has nothing left to do', () => {
    const template = getBuiltinTemplate('atlassian')!;
    const once = addMissingSections('- 03:00 PM: \n', { template });
    expect(missing(once, template)).toEqual([]);
    expect(fixAll(once, { template })).toMatchObject({ text: once, fixed: 0 });
  });

  it('a task item with two spaces after its checkbox keeps its tag, and the untagged fix tags it', () => {
    const items = (text: string) => parsePostmortem(text, defaultTemplate()).actionItems.map((i) => ({ tag: i.tag, text: i.text }));
    expect(items('## Action Items\n\n- [x]  **Fix:** Upgrade the client.\n')).toEqual([{ tag: 'Fix', text: 'Upgrade the client.' }]);

    // The checkbox followed by a hard break: the paragraph starts at the box, the text on the next line.
    const text = '## Action Items\n\n- [ ]  \n| Time | Event |\n';
    const problem = analyze(text).problems.find((p) => p.rule === 'action-item-untagged')!;
    const edit = problem.fixes[0].edits[0];
    const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    expect(fixed).toBe('## Action Items\n\n- [ ]  \n**Fix:** | Time | Event |\n');
    expect(items(fixed)).toMatchObject([{ tag: 'Fix' }]);
  });

  it('a task item whose checkbox ends a CRLF line: its text starts on the next line, and no range ends inside the CRLF', () => {
    const text = '## Action Items\r\n\r\n- [X]\r\n **TODO:** Add an alert.\r\n- [ ]\r\n  Untagged.\r\n';
    const { postmortem, problems } = analyze(text);
    expect(postmortem!.actionItems.map((i) => i.tag)).toEqual(['TODO', null]);
    const untagged = problems.find((p) => p.rule === 'action-item-untagged')!;
    expect(text.slice(untagged.range.start, untagged.range.end)).toBe('Untagged.');
    // firstLine never returns an end before its start, even when the range starts after a \r.
    expect(firstLine('- [X]\r', { start: 6, end: 6 })).toEqual({ start: 6, end: 6 });
  });

  it('prose timeline lines and metadata lines end at \\r\\n, \\r or \\n, and their ranges leave the line ending out', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['# P', '', '**Duration:** 2024-05-14 14:00 - 2024-05-14 16:00 (UTC)', '**Severity:** SEV-2', '', '## Timeline', '', '15:00 Alert fires.', '15:10 Rollback.', ''].join(eol);
      const pm = parsePostmortem(text, defaultTemplate());
      expect(pm.timeline.map((e) => text.slice(e.range.start, e.range.end))).toEqual(['15:00 Alert fires.', '15:10 Rollback.']);
      expect(text.slice(pm.metadata.duration!.range.start, pm.metadata.duration!.range.end)).toBe('**Duration:** 2024-05-14 14:00 - 2024-05-14 16:00 (UTC)');
      expect(pm.metadata.severity?.value).toBe('SEV-2');
    }
  });

  it('odd YAML in front matter is not reported on the process (warnings would land in the server log, once per keystroke)', () => {
    const emitWarning = vi.spyOn(process, 'emitWarning');
    try {
      const pm = analyze('---\n%FOO bar\na: *b:\n---\n\n## Impact\n\nText.\n').postmortem!;
      expect(pm.frontMatter).toBeDefined();
      expect(emitWarning).not.toHaveBeenCalled();
    } finally {
      emitWarning.mockRestore();
    }
  });

  it('a tree 10,000 levels deep (nested block quotes) does not overflow the stack', () => {
    const text = `## Timeline\n\n${'> '.repeat(10_000)}<!-- postmortem-disable -->\n\n- TBD\n`;
    // analyze turns an overflow into an internal-error problem rather than throwing, so the proof is
    // that the tree was walked: the comment at the bottom was found and silences "- TBD" after it.
    const { postmortem, problems } = analyze(text);
    expect(postmortem).not.toBeNull();
    // Nothing from the timeline (placeholder-text would flag "- TBD"): only what the whole document lacks.
    expect(problems.map((p) => p.rule)).toEqual([...Array(5).fill('missing-section'), 'missing-field']);
  });

  it('a failure while parsing becomes one internal-error problem, not an exception', () => {
    const template = { ...defaultTemplate() } as Template;
    Object.defineProperty(template, 'sections', { get: () => { throw new Error('boom'); } });
    const { postmortem, problems } = analyze('## Impact\n', { template });
    expect(postmortem).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ rule: 'internal-error', message: expect.stringContaining('boom'), range: { start: 0, end: 0 } })]);
    expect(fixAll('## Impact\n', { template }).fixed).toBe(0);
  });

  it('disable comments: the one-sweep applyDirectives decides like the per-problem scan it replaced', () => {
    // The earlier implementation, kept here as the reference: every directive before each problem.
    const reference = (pm: Postmortem, problems: Problem[]) => {
      const names = (d: DisableDirective, rule: string) => d.rules.length === 0 || d.rules.includes(rule);
      return problems.filter((problem) => {
        const line = lineOf(pm.lineStarts, problem.range.start);
        for (const d of pm.directives) {
          const target = lineOf(pm.lineStarts, d.range.start) + (d.kind === 'disable-next-line' ? 1 : 0);
          if ((d.kind === 'disable-line' || d.kind === 'disable-next-line') && target === line && names(d, problem.rule)) return false;
        }
        let disabled = false;
        for (const d of pm.directives) {
          if (d.range.start > problem.range.start) break;
          if (d.kind === 'disable' && names(d, problem.rule)) disabled = true;
          if (d.kind === 'enable' && names(d, problem.rule)) disabled = false;
        }
        return !disabled;
      });
    };
    const rules = ['timeline-order', 'empty-section', 'missing-section', 'heading-level'];
    fc.assert(
      fc.property(postmortemMarkdown, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...rules)), { maxLength: 12 }), (text, raw) => {
        const pm = parsePostmortem(text, defaultTemplate());
        const problems: Problem[] = raw.map(([at, rule]) => {
          const start = text.length ? at % (text.length + 1) : 0;
          return { rule, severity: 'warning', message: rule, range: { start, end: start }, fixes: [] };
        });
        expect(applyDirectives(pm, problems)).toEqual(reference(pm, problems));
      }),
      { numRuns: 500 },
    );
    // Directives and problems in step: one sweep is linear; checking every directive per problem
    // (as it once did) grew with the square of the count and took seconds at 60,000 each.
    const fixture = (n: number) => {
      const directives: DisableDirective[] = Array.from({ length: n }, (_, i) => ({ kind: i % 2 ? 'disable' : 'enable', rules: ['timeline-order'], range: { start: i * 20, end: i * 20 + 5 } }));
      const pm = { directives, lineStarts: Array.from({ length: 2 * n }, (_, i) => i * 10) } as Postmortem;
      const problems: Problem[] = Array.from({ length: n }, (_, i) => ({ rule: 'timeline-order', severity: 'error', message: '', range: { start: i * 20 + 10, end: i * 20 + 12 }, fixes: [] }));
      return { pm, problems };
    };
    const sweep = ({ pm, problems }: ReturnType<typeof fixture>) => {
      expect(applyDirectives(pm, problems)).toHaveLength(problems.length / 2);
    };
    expect(growthRatio(sweep, 10_000, fixture)).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });

  it('a heading title ending in a long run of dots and colons is read in linear time', () => {
    const read = (n: number) => {
      const text = `## Impact${'.:'.repeat(n)}x\n\ntext\n`;
      expect(parsePostmortem(text, defaultTemplate()).allSections[0].key).toBe(`impact${'.:'.repeat(n)}x`);
    };
    expect(growthRatio(read, 8_000)).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });

  it('a file just over the size cap says a size larger than the cap', () => {
    const { postmortem, problems } = analyze('x'.repeat(2048 * 1024 + 1));
    expect(postmortem).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ rule: 'file-too-large', message: expect.stringMatching(/^This file \(2049 KB\) is larger than the 2048 KB /) })]);
    expect(analyze('x'.repeat(1025), { maxFileSizeKB: 1 }).problems[0].message).toMatch(/^This file \(2 KB\) is larger than the 1 KB /);
  });
});
