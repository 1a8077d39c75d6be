// What each rule tells the author, word for word: the message, the text the squiggle is on, the
// related locations and the quick fixes offered. The fixtures (rules.test.ts) check which rule
// reports on which line; these check what it says there.
import { describe, expect, it } from 'vitest';
import { analyze, applyEdits, getBuiltinTemplate, type AnalyzeOptions, type Fix, type Template, type TemplateSection } from '../../server/src/core/index.js';
import { closestTag, editDistance } from '../../server/src/core/rules/closest-tag.js';

const DEFAULT = getBuiltinTemplate('default')!;

/** One rule's problems as a reader sees them: the message, and the text each range covers. */
function lint(text: string, rule: string, options: AnalyzeOptions = {}) {
  return analyze(text, options).problems.filter((p) => p.rule === rule).map((p) => ({
    message: p.message,
    at: text.slice(p.range.start, p.range.end),
    severity: p.severity,
    ...(p.related ? { related: p.related.map((r) => ({ at: text.slice(r.range.start, r.range.end), offset: r.range.start, message: r.message })) } : {}),
    fixes: p.fixes.map((fix) => describeFix(text, fix)),
  }));
}
const describeFix = (text: string, fix: Fix) => ({ title: fix.title, preferred: fix.isPreferred ?? false, fixAll: fix.fixAll, result: applyEdits(text, fix.edits) });

/** A document with every default section, `parts` replacing some bodies. */
function doc(parts: Partial<Record<'head' | 'impact' | 'timeline' | 'measures' | 'lessons', string>> = {}): string {
  return [
    '# Postmortem: x', '', parts.head ?? '', '## Impact', '', parts.impact ?? 'Users.', '', '## Timeline', '', parts.timeline ?? '- 10:00 UTC a', '',
    '## Root Cause and Resolution', '', '### Root Cause', '', 'A.', '', '### Resolution', '', 'B.', '',
    '## Corrective and Preventative Measures', '', parts.measures ?? '- **Fix:** c', '', '## Lessons Learned', '', parts.lessons ?? 'L.', '',
    '## Conclusion', '', 'C.', '',
  ].join('\n');
}
const withSections = (sections: TemplateSection[], extra: Partial<Template> = {}): Template => ({ ...DEFAULT, sections, ...extra });

describe('duplicate-section', () => {
  it('points at the second heading and back at the first', () => {
    const text = doc({ lessons: 'L.\n\n## Impact\n\nMore users.' });
    expect(lint(text, 'duplicate-section')).toEqual([{
      message: 'Section “Impact” appears twice; merge this one into the first.',
      at: '## Impact',
      severity: 'warning',
      related: [{ at: '## Impact', offset: text.indexOf('## Impact'), message: 'First appearance' }],
      fixes: [],
    }]);
  });
});

describe('action-item-unknown-tag', () => {
  it('suggests the tag a typo meant, as the one preferred fix', () => {
    const text = doc({ measures: '- **Fxi:** the retry loop' });
    expect(lint(text, 'action-item-unknown-tag')).toEqual([{
      message: 'Unknown tag “Fxi”: did you mean “Fix”? Known tags: Fix, Improvement, TODO.',
      at: 'Fxi',
      severity: 'warning',
      fixes: [{ title: 'Change to Fix', preferred: true, fixAll: undefined, result: text.replace('Fxi', 'Fix') }],
    }]);
  });

  it('offers every known tag, none preferred, when nothing is close', () => {
    const text = doc({ measures: '- **Banana:** the retry loop' });
    expect(lint(text, 'action-item-unknown-tag')).toEqual([{
      message: 'Unknown tag “Banana”. Known tags: Fix, Improvement, TODO.',
      at: 'Banana',
      severity: 'warning',
      fixes: ['Fix', 'Improvement', 'TODO'].map((tag) => ({ title: `Change to ${tag}`, preferred: false, fixAll: undefined, result: text.replace('Banana', tag) })),
    }]);
  });

  it('says nothing about known tags, in any case', () => {
    expect(lint(doc({ measures: '- **fix:** a\n- **TODO:** b' }), 'action-item-unknown-tag')).toEqual([]);
  });
});

describe('action-item-untagged', () => {
  it('names the tags in plain words and offers each, none preferred', () => {
    const text = doc({ measures: '- add a retry\n  over two lines' });
    expect(lint(text, 'action-item-untagged')).toEqual([{
      message: 'Action item has no tag; start it with one of Fix, Improvement or TODO, in bold with a colon (quick fix).',
      at: 'add a retry',
      severity: 'warning',
      fixes: ['Fix', 'Improvement', 'TODO'].map((tag) => ({ title: `Tag as ${tag}`, preferred: false, fixAll: undefined, result: text.replace('- add', `- **${tag}:** add`) })),
    }]);
  });

  it('lists one or two tags as a sentence does', () => {
    const text = doc({ measures: '- add a retry' });
    const message = (tags: string[]) => lint(text, 'action-item-untagged', { template: { ...DEFAULT, tags } })[0].message;
    expect(message(['Fix'])).toBe('Action item has no tag; start it with one of Fix, in bold with a colon (quick fix).');
    expect(message(['Fix', 'Later'])).toBe('Action item has no tag; start it with one of Fix or Later, in bold with a colon (quick fix).');
  });

  it('squiggles only the first line of a CRLF item', () => {
    const text = doc({ measures: '- add a retry\n  and more' }).replace(/\n/g, '\r\n');
    expect(lint(text, 'action-item-untagged').map((p) => p.at)).toEqual(['add a retry']);
  });
});

describe('empty-section', () => {
  it('asks for content in a required section, and offers removal only for an optional one', () => {
    const sections = DEFAULT.sections.map((s) => (s.title === 'Lessons Learned' ? { ...s, required: false } : s));
    const text = doc({ impact: '<!-- to do -->', lessons: '---' });
    expect(lint(text, 'empty-section', { template: withSections(sections) })).toEqual([
      { message: 'Section “Impact” is empty: say what happened here.', at: '## Impact', severity: 'warning', fixes: [] },
      { message: 'Section “Lessons Learned” is empty: say what happened here, or remove it if it does not apply.', at: '## Lessons Learned', severity: 'warning', fixes: [] },
    ]);
  });

  it('counts text as content in a section whose template has no placeholder', () => {
    const sections = DEFAULT.sections.map(({ placeholder: _, ...s }) => s);
    expect(lint(doc({ impact: 'Users.' }), 'empty-section', { template: withSections(sections) })).toEqual([]);
    expect(lint(doc({ impact: '' }), 'empty-section', { template: withSections(sections) }).map((p) => p.at)).toEqual(['## Impact']);
  });

  it('does not count the placeholder, but counts text that starts like it', () => {
    const placeholder = 'Who and what was affected, and for how long?';
    expect(lint(doc({ impact: placeholder }), 'empty-section').map((p) => p.at)).toEqual(['## Impact']);
    expect(lint(doc({ impact: 'Who: everyone.' }), 'empty-section')).toEqual([]);
  });
});

describe('heading-level', () => {
  it('says which level the template asks for, and the fix rewrites only the marker', () => {
    const text = doc().replace('## Impact', '### Impact');
    expect(lint(text, 'heading-level')).toEqual([{
      message: 'Section “Impact” should be a level 2 heading (##), not level 3.',
      at: '### Impact',
      severity: 'warning',
      fixes: [{ title: 'Make “Impact” a ## heading', preferred: true, fixAll: true, result: doc() }],
    }]);
  });

  it('counts levels from the title: under an H2 title, sections are H3', () => {
    const text = doc().replace(/^#/gm, '##').replace('### Impact', '#### Impact');
    expect(lint(text, 'heading-level').map((p) => [p.message, p.at])).toEqual([['Section “Impact” should be a level 3 heading (###), not level 4.', '#### Impact']]);
  });

  it('leaves an underlined heading to the author: no fix', () => {
    const text = doc().replace('## Impact', 'Impact\n======');
    expect(lint(text, 'heading-level')).toEqual([{
      message: 'Section “Impact” should be a level 2 heading (##), not level 1.',
      at: 'Impact\n======',
      severity: 'warning',
      fixes: [],
    }]);
  });

  it('keeps out of Fix All a change that would leave a section without content', () => {
    // Impact's only content is the sub-section under it; as an H2 it would have none.
    const text = doc().replace('## Impact\n\nUsers.', '# Impact\n\n## Details\n\nUsers.');
    const fixes = lint(text, 'heading-level').map((p) => p.fixes[0]);
    expect(fixes.map((f) => [f.title, f.fixAll])).toEqual([['Make “Impact” a ## heading', false]]);
    const withText = doc().replace('## Impact\n\nUsers.', '# Impact\n\nUsers.\n\n## Details\n\nMore.');
    expect(lint(withText, 'heading-level').map((p) => p.fixes[0].fixAll)).toEqual([true]);
  });

  it('says nothing about headings the template does not know', () => {
    expect(lint(doc({ lessons: 'L.\n\n##### Appendix\n\nx' }), 'heading-level')).toEqual([]);
  });
});

describe('missing-section', () => {
  it('anchors on the title, or else on the first line without its trailing spaces', () => {
    expect(lint('# Postmortem: x\n\nText.\n', 'missing-section')[0].at).toBe('# Postmortem: x');
    expect(lint('Some notes   \nmore\n', 'missing-section')[0].at).toBe('Some notes');
    expect(lint('Only a line  ', 'missing-section')[0].at).toBe('Only a line');
  });

  it('anchors on the first line when the title comes from the front matter', () => {
    const text = '---\ntitle: Outage\n---\n\nText.\n';
    expect(lint(text, 'missing-section')[0].at).toBe('---');
  });
});

describe('section-order', () => {
  it('flags the one section out of place, naming the section it belongs after', () => {
    const text = doc().replace('## Impact\n\nUsers.\n\n## Timeline\n\n- 10:00 UTC a', '## Timeline\n\n- 10:00 UTC a\n\n## Impact\n\nUsers.');
    expect(lint(text, 'section-order')).toEqual([{
      message: 'Section “Timeline” is out of order: the template puts it after “Impact”.',
      at: '## Timeline',
      severity: 'info',
      related: [{ at: '## Impact', offset: text.indexOf('## Impact'), message: 'The template puts “Timeline” after this section' }],
      fixes: [],
    }]);
  });

  it('names the section it belongs before when the sections in order come first', () => {
    const text = doc().replace('## Impact\n\nUsers.\n\n', '').replace('## Conclusion', '## Impact\n\nUsers.\n\n## Conclusion');
    expect(lint(text, 'section-order').map((p) => [p.message, p.related?.[0].at])).toEqual([
      ['Section “Impact” is out of order: the template puts it before “Timeline”.', '## Timeline'],
    ]);
  });

  it('compares only sections the template puts side by side, and first appearances only', () => {
    const children = doc().replace('### Root Cause\n\nA.\n\n### Resolution\n\nB.', '### Resolution\n\nB.\n\n### Root Cause\n\nA.');
    expect(lint(children, 'section-order').map((p) => p.message)).toEqual(['Section “Resolution” is out of order: the template puts it after “Root Cause”.']);
    const repeated = doc({ lessons: 'L.\n\n## Impact\n\nAgain.' });
    expect(lint(repeated, 'section-order')).toEqual([]);
  });
});

describe('timeline-order', () => {
  const entries = (...lines: string[]) => doc({ timeline: lines.join('\n') });

  it('flags the entry that goes back, with the previous entry related', () => {
    const text = entries('- 10:00 UTC a', '- 10:20 UTC b', '- 10:10 UTC c', '- 10:30 UTC d');
    const [problem] = lint(text, 'timeline-order');
    expect(problem).toMatchObject({
      message: 'Timeline goes backwards: 10:10 UTC comes after 10:20 UTC on the entry above.',
      at: '10:10 UTC',
      severity: 'error',
      related: [{ at: '10:20 UTC', message: 'Previous entry: 10:20 UTC' }],
    });
    expect(problem.fixes.map((f) => f.title)).toEqual(['Move this entry into time order']);
  });

  it('flags an entry later than both neighbours as the odd one, with the next entry related', () => {
    const text = entries('- 10:00 UTC a', '- 19:00 UTC typo', '- 10:10 UTC c', '- 10:20 UTC d');
    expect(lint(text, 'timeline-order').map(({ message, at, related }) => ({ message, at, related: related?.map((r) => r.message) }))).toEqual([{
      message: 'Timeline goes backwards after 19:00 UTC: it is later than the entries around it (10:10 UTC follows). Check its time.',
      at: '19:00 UTC',
      related: ['Next entry: 10:10 UTC'],
    }]);
  });

  it('in a newest-first timeline, flags an entry that goes forwards', () => {
    const text = entries('<!-- postmortem-timeline newest-first -->', '- 10:30 UTC a', '- 10:20 UTC b', '- 10:40 UTC c', '- 10:00 UTC d');
    expect(lint(text, 'timeline-order').map((p) => p.message)).toEqual([
      'Timeline goes forwards (this timeline is newest first): 10:40 UTC comes after 10:20 UTC on the entry above.',
    ]);
  });

  it('reads a time-only entry before the previous one as the next day, and says how to write it', () => {
    const dated = entries('- 2024-05-01 23:50 UTC a', '- 00:10 UTC b');
    expect(lint(dated, 'timeline-order').map((p) => [p.message, p.at])).toEqual([
      ['00:10 UTC is earlier than 2024-05-01 23:50 UTC above: read as the next day. If it is, write the date (“2024-05-02 00:10 UTC”); if not, check the time.', '00:10 UTC'],
    ]);
  });
});

describe('timeline-order: each entry as the span its precision gives', () => {
  const order = (...lines: string[]) => {
    const text = doc({ timeline: lines.join('\n') });
    return lint(text, 'timeline-order').map((p) => [p.at, p.message]);
  };

  it('takes a minute to run to its end: 10:00 after 10:00:30 is in order, after 10:01:00 it is not', () => {
    expect(order('- 10:00:30 UTC a', '- 10:00 UTC b')).toEqual([]);
    expect(order('- 10:01:00 UTC a', '- 10:00 UTC b')).toEqual([['10:00 UTC', 'Timeline goes backwards: 10:00 UTC comes after 10:01:00 UTC on the entry above.']]);
    expect(order('<!-- postmortem-timeline newest-first -->', '- 10:00 UTC a', '- 10:00:30 UTC b')).toEqual([]);
    expect(order('<!-- postmortem-timeline newest-first -->', '- 10:00 UTC a', '- 10:01 UTC b').map(([at]) => at)).toEqual(['10:01 UTC']);
  });

  it('takes a date to span its day, on an entry or as a heading', () => {
    expect(order('- 2024-05-01 10:00 UTC a', '- 2024-05-01 b', '- 2024-05-01 11:00 UTC c')).toEqual([]);
    expect(order('- 2024-05-02 10:00 UTC a', '- 2024-05-01 b').map(([at]) => at)).toEqual(['2024-05-01']);
    expect(order('### 2024-05-02', '', '- 10:00 UTC a', '', '### 2024-05-01', '', '- 11:00 UTC b')).toEqual([
      ['### 2024-05-01', 'Timeline goes backwards: 2024-05-01 comes after 10:00 UTC on the entry above.'],
    ]);
  });

  it('names how an ambiguous zone was read', () => {
    expect(order('- 10:00 IST a', '- 09:00 IST b')).toEqual([[
      '09:00 IST',
      'Timeline goes backwards: 09:00 IST comes after 10:00 IST on the entry above. (IST was read as India Standard Time (+05:30); set "timeline": {"zoneAliases": {"IST": "…"}} to read it otherwise.)',
    ]]);
  });

  it('without a year, asks for the date before the time rather than inventing one', () => {
    expect(order('- May 1 23:50 UTC a', '- 00:10 UTC b')).toEqual([[
      '00:10 UTC',
      '00:10 UTC is earlier than May 1 23:50 UTC above: read as the next day. If it is, write the date (the date before the time); if not, check the time.',
    ]]);
  });

  it('reports each entry once, even when it is both the odd one and goes back', () => {
    expect(order('- 10:00 UTC a', '- 10:30 UTC b', '- 10:20 UTC c', '- 10:10 UTC d').map(([at]) => at)).toEqual(['10:30 UTC', '10:10 UTC']);
  });
});

describe('timeline-unreadable', () => {
  const entry = (line: string, options?: AnalyzeOptions) => lint(doc({ timeline: `- 10:00 UTC a\n${line}` }), 'timeline-unreadable', options).map((p) => [p.message, p.at]);

  it('quotes a time it cannot read', () => {
    expect(entry('- **TBD:** b')).toEqual([['Can’t read the time “TBD” of this timeline entry; write it like 15:04, 3:04 PM or 2023-06-10 15:04 UTC.'.replace('’', "'"), 'TBD']]);
  });

  it('asks for the date order of a numeric date, unless the template gives one', () => {
    expect(entry('- **03/01:** b')).toEqual([['Can\'t tell which date “03/01” is: write it as 2024-03-01, or set "timeline": {"dateOrder": "mdy"} (month first) or "dmy" (day first) in .postmortemrc.json.', '03/01']]);
    expect(entry('- **03/01:** b', { template: { ...DEFAULT, timeline: { ...DEFAULT.timeline, dateOrder: 'mdy' } } })).toEqual([]);
  });

  it('asks for a time where an entry has none', () => {
    const table = doc({ timeline: '| Time | Event |\n|---|---|\n| 10:00 UTC | a |\n|  | b |' });
    expect(lint(table, 'timeline-unreadable').map((p) => [p.message, p.at])).toEqual([['This timeline entry has no time; start it with one, like 15:04 or 2023-06-10 15:04 UTC.', '|  | b |']]);
  });
});

describe('timeline-window', () => {
  const head = '**Duration:** 2024-05-01 10:00 - 2024-05-01 11:00 (UTC)\n';
  const window = (timeline: string, duration = head) => lint(doc({ head: duration, timeline }), 'timeline-window').map((p) => [p.message, p.at, p.related?.map((r) => [r.at, r.message])]);

  it('flags entries before the start and after the end, pointing at the Duration', () => {
    const declared = '2024-05-01 10:00 - 2024-05-01 11:00 (UTC)';
    const line = `**Duration:** ${declared}`;
    expect(window('- 2024-05-01 09:59 UTC a\n- 2024-05-01 10:00 UTC b\n- 2024-05-01 11:01 UTC c\n- 2024-05-01 11:02 UTC d')).toEqual([
      [`2024-05-01 09:59 UTC is before the start of the Duration (${declared}); widen the Duration or check the time.`, '2024-05-01 09:59 UTC', [[line, 'Declared Duration']]],
      [`2024-05-01 11:02 UTC is after the end of the Duration (${declared}); widen the Duration or check the time.`, '2024-05-01 11:02 UTC', [[line, 'Declared Duration']]],
    ]);
  });

  it('says when the Duration ends before it starts, and hints at the end date when it has none', () => {
    expect(window('- 2024-05-01 10:30 UTC a', '**Duration:** 2024-05-01 23:00 - 01:00 (UTC)\n')).toEqual([
      ['Duration ends before it starts: 2024-05-01 23:00 - 01:00 (UTC). If it ended the next day, write the end date too.', '**Duration:** 2024-05-01 23:00 - 01:00 (UTC)', undefined],
    ]);
    expect(window('- 2024-05-01 10:30 UTC a', '**Duration:** 2024-05-02 10:00 - 2024-05-01 11:00 (UTC)\n')).toEqual([
      ['Duration ends before it starts: 2024-05-02 10:00 - 2024-05-01 11:00 (UTC).', '**Duration:** 2024-05-02 10:00 - 2024-05-01 11:00 (UTC)', undefined],
    ]);
  });

  it('takes a Duration that ends when it starts as a moment, not as ending before it starts', () => {
    expect(window('- 2024-05-01 10:00 UTC a', '**Duration:** 2024-05-01 10:00 - 2024-05-01 10:00 (UTC)\n')).toEqual([]);
  });

  it('ignores unreadable entries and lone dates, and a Duration it cannot read', () => {
    expect(window('- **TBD:** a\n- 2024-04-30\n- 2024-05-01 10:30 UTC b')).toEqual([]);
    expect(window('- 2024-05-02 10:30 UTC a', '**Duration:** 2024-05-01 10:00 - later\n')).toEqual([]);
    expect(window('- 2024-05-02 10:30 UTC a', '**Duration:** sometime - 2024-05-01 11:00\n')).toEqual([]);
  });
});

describe('closest tag', () => {
  const TAGS = ['Fix', 'Improvement', 'TODO'];

  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('fxi', 'fix')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('abcd', 'acbd')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
    expect(editDistance('improvment', 'improvement')).toBe(1);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('returns the known spelling of the nearest tag, the first one on a tie', () => {
    expect(closestTag('fxi', TAGS)).toBe('Fix');
    expect(closestTag('todo', TAGS)).toBe('TODO');
    expect(closestTag('Fax', ['Fox', 'Fix'])).toBe('Fox');
    expect(closestTag('x', ['y'])).toBe('y');
  });

  it('allows one edit per three letters of the longer word, at least one', () => {
    expect(closestTag('Imprvmnt', TAGS)).toBe('Improvement');
    expect(closestTag('Banana', TAGS)).toBeUndefined();
    expect(closestTag('', TAGS)).toBeUndefined();
    expect(closestTag('ab', ['cd'])).toBeUndefined();
    expect(closestTag('abcdef', ['abcxyz'])).toBeUndefined();
    expect(closestTag('abcdef', ['abcdxy'])).toBe('abcdxy');
    expect(closestTag('fix', [])).toBeUndefined();
  });
});

describe('timeline-direction', () => {
  const newestFirst = ['- 10:30 UTC d', '- 10:20 UTC c', '- 10:10 UTC b', '- 10:00 UTC a'].join('\n');

  it('says the timeline runs newest first, and the fix marks it so under the heading', () => {
    const text = doc({ timeline: newestFirst });
    expect(lint(text, 'timeline-direction')).toEqual([{
      message: 'This timeline runs newest first; its order is checked that way. Say so in the file (<!-- postmortem-timeline newest-first -->) to keep it that way.',
      at: '## Timeline',
      severity: 'info',
      fixes: [{ title: 'Mark the timeline as newest first', preferred: true, fixAll: undefined, result: text.replace('## Timeline\n', '## Timeline\n<!-- postmortem-timeline newest-first -->\n') }],
    }]);
    expect(lint(text, 'timeline-order')).toEqual([]);
  });

  it('says it runs oldest first where the template expects newest first, keeping CRLF', () => {
    const template = { ...DEFAULT, timeline: { ...DEFAULT.timeline, order: 'descending' as const } };
    const text = doc({ timeline: ['- 10:00 UTC a', '- 10:10 UTC b', '- 10:20 UTC c', '- 10:30 UTC d'].join('\n') }).replace(/\n/g, '\r\n');
    const [problem] = lint(text, 'timeline-direction', { template });
    expect(problem.message).toContain('This timeline runs oldest first');
    expect(problem.fixes.map((f) => [f.title, f.result])).toEqual([
      ['Mark the timeline as oldest first', text.replace('## Timeline\r\n', '## Timeline\r\n<!-- postmortem-timeline oldest-first -->\r\n')],
    ]);
  });

  it('needs at least three steps the other way, and most of them', () => {
    expect(lint(doc({ timeline: '- 10:20 UTC c\n- 10:10 UTC b\n- 10:00 UTC a' }), 'timeline-direction')).toHaveLength(1);
    expect(lint(doc({ timeline: '- 10:10 UTC b\n- 10:00 UTC a' }), 'timeline-direction')).toEqual([]);
    expect(lint(doc({ timeline: '- 10:30 UTC d\n- 10:20 UTC c\n- 10:25 UTC x\n- 10:26 UTC y\n- 10:10 UTC b' }), 'timeline-direction')).toEqual([]);
  });

  it('anchors on the first entry, and marks above its list, when the timeline has no heading', () => {
    const text = '# Postmortem: x\n\n- 10:30 UTC d\n- 10:20 UTC c\n- 10:10 UTC b\n- 10:00 UTC a';
    expect(lint(text, 'timeline-direction').map((p) => [p.at, p.fixes[0].result])).toEqual([
      ['10:30 UTC', text.replace('x\n\n', 'x\n\n<!-- postmortem-timeline newest-first -->\n\n')],
    ]);
  });
  it('marks a timeline with no heading above its list, where the mark does not split it', () => {
    const text = 'Incident notes.\n\n- 10:20 UTC c\n- 10:10 UTC b\n- 10:00 UTC a\n\n## Impact\n\nx\n';
    const [problem] = analyze(text).problems.filter((p) => p.rule === 'timeline-direction');
    const fixed = applyEdits(text, problem.fixes[0].edits);
    expect(fixed).toBe('Incident notes.\n\n<!-- postmortem-timeline newest-first -->\n\n- 10:20 UTC c\n- 10:10 UTC b\n- 10:00 UTC a\n\n## Impact\n\nx\n');
    const after = analyze(fixed);
    expect(after.postmortem!.timeline).toHaveLength(3);
    expect(after.problems.filter((p) => p.rule.startsWith('timeline'))).toEqual([]);
  });
});

describe('timeline-empty', () => {
  it('lists the entry shapes it reads when a timeline has text but no entry', () => {
    const text = doc({ timeline: 'The alert fired at about one.\n\n- Detection: an alert.' });
    expect(lint(text, 'timeline-empty')).toEqual([{
      message: 'No timeline entry could be read in “Timeline”. Entries are `- 14:05 UTC: …` list items, `| Time | Event |` table rows, `### 14:05` headings or lines that start with a time.',
      at: '## Timeline',
      severity: 'warning',
      fixes: [],
    }]);
  });

  it('is quiet for an empty timeline, a placeholder, a lone date, or an unreadable entry', () => {
    for (const timeline of ['', '<!-- later -->', 'Key events, oldest first, one list item each: time, then what happened.', '- 2024-05-01', '- TBD: a']) {
      expect(lint(doc({ timeline }), 'timeline-empty')).toEqual([]);
    }
  });

  it('reads the template’s placeholder without its surrounding spaces, and works for a timeline without one', () => {
    const sections = (placeholder?: string) => DEFAULT.sections.map((s) => (s.title === 'Timeline' ? { ...s, placeholder } : s));
    expect(lint(doc({ timeline: 'Key events.' }), 'timeline-empty', { template: withSections(sections('  Key events.  ')) })).toEqual([]);
    expect(lint(doc({ timeline: 'Nothing with a time.' }), 'timeline-empty', { template: withSections(sections(undefined)) }).map((p) => p.at)).toEqual(['## Timeline']);
  });

  it('looks only inside the timeline section: entries elsewhere do not count', () => {
    const text = doc({ timeline: 'Nothing with a time.', lessons: '- 10:00 UTC a lesson' });
    expect(lint(text, 'timeline-empty').map((p) => p.at)).toEqual(['## Timeline']);
  });
});

describe('missing-section: Rename', () => {
  it('offers to rename an unknown heading that shares a word, preferred over adding one', () => {
    const text = doc().replace('## Corrective and Preventative Measures', '## Corrective Steps');
    const [problem] = lint(text, 'missing-section');
    expect(problem.message).toBe('Missing required section “Corrective and Preventative Measures”.');
    expect(problem.fixes.map((f) => [f.title, f.preferred, f.fixAll])).toEqual([
      ['Rename “Corrective Steps” to “Corrective and Preventative Measures”', true, false],
      ['Add section “Corrective and Preventative Measures”', false, false],
    ]);
    expect(problem.fixes[0].result).toBe(doc());
  });

  it('rewrites an underlined heading as a # heading at the template level, and keeps the hashes of an ATX one', () => {
    const setext = doc().replace('## Lessons Learned', 'Lessons we learned\n------------------');
    expect(lint(setext, 'missing-section')[0].fixes[0].result).toBe(doc());
    // Under an H2 title the sections are H3: the rename keeps the heading's own marker.
    const shifted = doc().replace(/^#/gm, '##');
    const deeper = shifted.replace('### Lessons Learned', '### Lessons for later');
    expect(lint(deeper, 'missing-section')[0].fixes[0].result).toBe(shifted);
  });

  it('looks for the heading among the missing section’s siblings, under its parent', () => {
    const withChild = (heading: string) => doc().replace('### Root Cause\n\nA.', `${heading}\n\nA.`);
    const fixes = (heading: string) => lint(withChild(heading), 'missing-section').flatMap((p) => p.fixes.map((f) => f.title));
    expect(fixes('### Cause analysis')).toEqual(['Rename “Cause analysis” to “Root Cause”', 'Add section “Root Cause”']);
    expect(fixes('### Root')).toEqual(['Rename “Root” to “Root Cause”', 'Add section “Root Cause”']);
    expect(fixes('### Roo things')).toEqual(['Add section “Root Cause”']);
    expect(fixes('### Why it broke')).toEqual(['Add section “Root Cause”']);
    expect(lint(withChild('### Cause analysis'), 'missing-section')[0].fixes[0].result).toBe(doc());
  });

  it('matches words whatever their case and punctuation, cut to five letters', () => {
    const titled = (heading: string) => lint(doc().replace('## Lessons Learned', heading), 'missing-section')[0].fixes.map((f) => f.title);
    expect(titled('## LESSONS-learned!')).toEqual(['Rename “LESSONS-learned!” to “Lessons Learned”', 'Add section “Lessons Learned”']);
    expect(titled('## Lesson')).toEqual(['Rename “Lesson” to “Lessons Learned”', 'Add section “Lessons Learned”']);
    expect(titled('## What went wrong when')).toEqual(['Add section “Lessons Learned”']);
  });

  it('does not rename a heading from elsewhere, a known section, or one sharing only “and”', () => {
    const titles = (text: string, options?: AnalyzeOptions) => lint(text, 'missing-section', options).map((p) => p.fixes.map((f) => f.title));
    // A top-level unknown heading is not the missing child of Root Cause and Resolution.
    expect(titles(doc().replace('### Root Cause\n\nA.\n\n', '').replace('## Lessons Learned', '## Cause analysis\n\nx\n\n## Lessons Learned'))).toEqual([['Add section “Root Cause”']]);
    expect(titles(doc().replace('## Root Cause and Resolution\n\n### Root Cause\n\nA.\n\n### Resolution\n\nB.\n\n', '## Q and A\n\nx\n\n'))).toEqual([['Add section “Root Cause and Resolution”']]);
    const template = withSections([{ title: 'Customer Impact', level: 2 }, { title: 'Customer Communication', level: 2 }]);
    expect(titles('# P\n\n## Customer Impact\n\nx\n', { template })).toEqual([['Add section “Customer Communication”']]);
  });

  it('rewrites an underlined heading whose text starts with # as an ATX heading of the template level', () => {
    const text = doc().replace('## Lessons Learned', '#Lessons notes\n---');
    expect(lint(text, 'missing-section')[0].fixes[0].result).toBe(doc());
  });

  it('does not take a heading that shares only a short or common word', () => {
    const text = doc().replace('## Lessons Learned', '## The Notes');
    expect(lint(text, 'missing-section')[0].fixes.map((f) => f.title)).toEqual(['Add section “Lessons Learned”']);
  });
});
