// Action items as data: owner, ticket, due and status read from every shape teams write them in.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, getBuiltinTemplate, reportPostmortem, type ActionItem } from '../../server/src/core/index.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/actions/${name}`, import.meta.url), 'utf8');
const itemsOf = (text: string, template = 'default') => analyze(text, { template: getBuiltinTemplate(template)! }).postmortem!.actionItems;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const fields = (item: ActionItem) => ({
  shape: item.shape,
  tag: item.tag,
  text: item.text,
  owner: item.owner?.value,
  ticket: item.ticket?.value,
  url: item.ticket?.url,
  due: item.due?.value,
  status: item.status,
});

describe('action items in a Google SRE book table', () => {
  const text = fixture('sre-table.md');
  const items = itemsOf(text, 'google-sre');

  it('reads each row: type as tag, owner, bug as ticket, the bold status word', () => {
    expect(items.map(fields)).toEqual([
      { shape: 'table', tag: 'Mitigate', text: 'Write a runbook entry for connection exhaustion', owner: 'priya', ticket: undefined, url: undefined, due: undefined, status: 'done' },
      { shape: 'table', tag: 'Prevent', text: 'Cap the pool per frontend task', owner: '@omar', ticket: 'Bug 4411029', url: undefined, due: undefined, status: 'open' },
      { shape: 'table', tag: 'Process', text: 'Rehearse the failover in the next game day', owner: undefined, ticket: 'infra/drills#42', url: 'https://example.com/infra/drills/issues/42', due: undefined, status: 'open' },
      { shape: 'table', tag: null, text: 'Ask the vendor about limits', owner: undefined, ticket: undefined, url: undefined, due: undefined, status: undefined },
    ]);
  });

  it('points each field at where it is written', () => {
    const [first, second] = items;
    expect(text.slice(first.owner!.range.start, first.owner!.range.end)).toBe('priya');
    expect(text.slice(second.ticket!.range.start, second.ticket!.range.end)).toBe('Bug 4411029');
    expect(text.slice(first.contentStart, first.contentStart + 5)).toBe('Write');
    expect(text.slice(first.range.start, first.range.end)).toMatch(/^\| Write .*\*\*DONE\*\* \|$/);
  });

  it('an unknown type is an unknown tag in its Type cell, with the closest tag as the fix', () => {
    const problems = analyze(text, { template: getBuiltinTemplate('google-sre')! }).problems.filter((p) => p.rule === 'action-item-unknown-tag' || p.rule === 'action-item-untagged');
    expect(problems.map((p) => [p.rule, text.slice(p.range.start, p.range.end)])).toEqual([['action-item-unknown-tag', 'misc']]);
  });

  it('an empty Type cell is untagged, and the fix writes the tag into that cell', () => {
    const untagged = '# Postmortem: x\n\n## Action Items\n\n| Action Item | Type | Owner |\n| --- | --- | --- |\n| Add an alert |  | kim |\n';
    const [problem] = analyze(untagged, { template: getBuiltinTemplate('google-sre')! }).problems.filter((p) => p.rule === 'action-item-untagged');
    expect(problem.message).toContain('Type column');
    const edit = problem.fixes[0].edits[0];
    const fixed = untagged.slice(0, edit.start) + edit.newText + untagged.slice(edit.end);
    expect(fixed).toContain('| Add an alert | Mitigate | kim |');
    expect(itemsOf(fixed, 'google-sre')[0].tag).toBe('Mitigate');
  });
});

describe('action items in mixed shapes', () => {
  const text = fixture('mixed-shapes.md');
  const items = itemsOf(text, 'pagerduty');

  it('reads task lists, bullets under a tag sub-heading and a table with Due and Status columns', () => {
    expect(items.map(fields)).toEqual([
      { shape: 'list', tag: 'Fix', text: 'Roll the cache size back in the deploy config (owner: @lina, CHK-88)', owner: '@lina', ticket: 'CHK-88', url: undefined, due: undefined, status: 'done' },
      { shape: 'list', tag: 'Improvement', text: 'Alert on p99 checkout latency. Owner: Ravi Shah. Due Nov 20', owner: 'Ravi Shah', ticket: undefined, url: undefined, due: day('2024-11-20'), status: 'open' },
      // The checkbox says open; the note says blocked, which is open too.
      { shape: 'list', tag: 'TODO', text: 'Decide who reviews cache changes, status: blocked', owner: undefined, ticket: undefined, url: undefined, due: undefined, status: 'open' },
      { shape: 'list', tag: 'Follow-up', text: 'Add a load test for the resized cache, assigned to Mei, due 2024-12-01', owner: 'Mei', ticket: undefined, url: undefined, due: day('2024-12-01'), status: undefined },
      // Jan 15 after a November incident is next January.
      { shape: 'table', tag: 'Follow-up', text: 'Document cache sizing', owner: 'Jo', ticket: 'https://tickets.example.com/CHK-91', url: 'https://tickets.example.com/CHK-91', due: day('2025-01-15'), status: 'open' },
      { shape: 'table', tag: 'Follow-up', text: 'Remove the old flag', owner: undefined, ticket: undefined, url: undefined, due: null, status: 'done' },
    ]);
    expect(items[5].due?.text).toBe('next sprint');
  });

  it('goes into the JSON report', () => {
    const report = reportPostmortem(analyze(text, { template: getBuiltinTemplate('pagerduty')! }).postmortem!);
    expect(report.actionItems[1]).toMatchObject({ shape: 'list', owner: 'Ravi Shah', ticket: null, due: '2024-11-20', dueText: 'Due Nov 20'.slice(4), status: 'open' });
    expect(report.actionItems[4]).toMatchObject({ shape: 'table', owner: 'Jo', ticketUrl: 'https://tickets.example.com/CHK-91', due: '2025-01-15', status: 'open' });
    expect(report.actionItems[5]).toMatchObject({ due: null, dueText: 'next sprint', status: 'done' });
  });
});

describe('what is not an action field', () => {
  it('a table in the action section that names no field is not read as actions', () => {
    const text = '# Postmortem: x\n\n## Corrective and Preventative Measures\n\n| Metric | Value |\n| --- | --- |\n| Errors | 4 |\n';
    expect(itemsOf(text)).toEqual([]);
  });

  it('severities and standards are not tickets; a mail address is not an owner; a date with no year and no incident date has no value', () => {
    const [item] = itemsOf('# Postmortem: x\n\n## Corrective and Preventative Measures\n\n- **Fix:** Only page SEV-2, UTF-8 names; mail ops@example.com by June 1\n');
    expect([item.ticket, item.owner, item.due?.text, item.due?.value]).toEqual([undefined, undefined, 'June 1', null]);
  });

  it('an impossible date is written but unreadable', () => {
    const [item] = itemsOf('# Postmortem: x\n\n## Corrective and Preventative Measures\n\n- **Fix:** Do it, due 2024-02-30\n');
    expect([item.due?.text, item.due?.value]).toEqual(['2024-02-30', null]);
  });
});

describe("the preview's action table", () => {
  it('shows the owner, ticket, due date and done mark of table rows too', async () => {
    const { renderPreviewBody } = await import('../../server/src/preview/index.js');
    const text = fixture('sre-table.md');
    const analysis = analyze(text, { template: getBuiltinTemplate('google-sre')! });
    const { body } = renderPreviewBody(text, analysis, { allowRemoteImages: false, interactive: false });
    const row = /<tr[^>]*><td>Cap the pool per frontend task<\/td>(.*?)<\/tr>/.exec(body)?.[1];
    expect(row).toBe('<td>@omar</td><td>Bug 4411029</td><td></td><td><span aria-label="open">○</span></td>');
    expect(body).toContain('<a href="https://example.com/infra/drills/issues/42">infra/drills#42</a>');
  });
});

describe('unknown tags repeated over many items', () => {
  // The rule works out one suggestion per distinct tag: each item must still get its own tag's.
  const section = (tags: string[]) => `# Postmortem: x\n\n## Corrective and Preventative Measures\n\n${tags.map((tag, i) => `- **${tag}:** Step ${i}.\n`).join('')}`;
  const unknownTags = (text: string) =>
    analyze(text)
      .problems.filter((p) => p.rule === 'action-item-unknown-tag')
      .map(({ message, fixes }) => ({ message, fixes: fixes.map((f) => f.title) }));

  it('gives each item the message and fixes it gets alone, for every spelling', () => {
    const tags = ['Fxi', 'Runbook', 'fxi', 'Fxi', 'Mitgate', 'Runbook', 'FXI', 'Docs', 'Mitgate'];
    expect(unknownTags(section(tags))).toEqual(tags.flatMap((tag) => unknownTags(section([tag]))));
    expect(new Set(unknownTags(section(tags)).map((p) => p.message)).size).toBe(new Set(tags).size);
  });
  it('gives each item fixes of its own, editing its own tag', () => {
    const tags = ['Banana', 'Fxi', 'Banana', 'Fxi'];
    const problems = analyze(section(tags)).problems.filter((p) => p.rule === 'action-item-unknown-tag');
    expect(problems.map((p) => p.fixes.length)).toEqual([3, 1, 3, 1]);
    for (const { range, fixes } of problems) for (const { edits } of fixes) expect(edits).toEqual([expect.objectContaining({ start: range.start, end: range.end })]);
    const fixes = problems.flatMap((p) => p.fixes);
    expect(new Set(fixes).size).toBe(fixes.length);
    expect(new Set(fixes.flatMap((f) => f.edits)).size).toBe(fixes.length);
  });
});
