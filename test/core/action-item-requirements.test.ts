// action-item-incomplete: which fields a template's actionItems.require asks of an open item,
// under which severity, and how the message names what is missing (in a list item or a table row).
import { describe, expect, it } from 'vitest';
import { analyze, getBuiltinTemplate, mergeTemplate, type Template } from '../../server/src/core/index.js';
import { requiredActionFields } from '../../server/src/core/rules/action-item-incomplete.js';

const DEFAULT = getBuiltinTemplate('default')!;
const withActions = (actionItems: Template['actionItems'], extra: Partial<Template> = {}): Template => ({ ...mergeTemplate(DEFAULT, {}), actionItems, ...extra });
const incomplete = (text: string, template: Template) =>
  analyze(text, { template }).problems.filter((p) => p.rule === 'action-item-incomplete').map((p) => [text.slice(p.range.start, p.range.end), p.message]);
const measures = (body: string) => `# Postmortem: x\n\n**Duration:** 2024-01-02 10:00 - 11:00 UTC\n\n## Corrective and Preventative Measures\n\n${body}\n`;

describe('requiredActionFields', () => {
  it('reads one requirement or a list, in owner, ticket, due order, once each', () => {
    expect(requiredActionFields(withActions(undefined), undefined)).toEqual([]);
    expect(requiredActionFields(withActions({ require: ['due', 'owner'] }), undefined)).toEqual(['owner', 'due']);
    expect(requiredActionFields(withActions([{ require: ['due'] }, { require: ['ticket', 'due'] }]), undefined)).toEqual(['ticket', 'due']);
  });
  it('takes a requirement with a severity condition only under that severity', () => {
    const template = withActions([{ require: ['owner'] }, { require: ['ticket'], when: { severity: ['SEV-1'] } }]);
    expect(requiredActionFields(template, 'SEV-1')).toEqual(['owner', 'ticket']);
    expect(requiredActionFields(template, 'SEV-2')).toEqual(['owner']);
    expect(requiredActionFields(template, undefined)).toEqual(['owner']);
  });
});

describe('action-item-incomplete', () => {
  const all = withActions({ require: ['owner', 'ticket', 'due'] });
  it('names every missing field, as a sentence lists them', () => {
    expect(incomplete(measures('- [ ] **Fix:** Add an alert.'), all)).toEqual([
      ['**Fix:** Add an alert.', 'Action item needs an owner (@name or “owner: Name”), a ticket (a key like ABC-123 or a link) and a due date (“due 2024-06-01”).'],
    ]);
    expect(incomplete(measures('- [ ] **Fix:** Add an alert (@kim).'), all)).toEqual([
      ['**Fix:** Add an alert (@kim).', 'Action item needs a ticket (a key like ABC-123 or a link) and a due date (“due 2024-06-01”).'],
    ]);
    expect(incomplete(measures('- [ ] **Fix:** Add an alert (@kim, OPS-12).'), all)).toEqual([
      ['**Fix:** Add an alert (@kim, OPS-12).', 'Action item needs a due date (“due 2024-06-01”).'],
    ]);
  });
  it('asks nothing of a complete item, or of a done one', () => {
    expect(incomplete(measures('- [ ] **Fix:** Add an alert (@kim, OPS-12, due 2024-06-01).'), all)).toEqual([]);
    expect(incomplete(measures('- [x] **Fix:** Add an alert.'), all)).toEqual([]);
  });
  it('asks only for the fields required: an owner is not a ticket, and an item with no due text lacks a due date', () => {
    expect(incomplete(measures('- [ ] **Fix:** Add an alert (OPS-12).'), withActions({ require: ['owner'] })).map(([, m]) => m)).toEqual(['Action item needs an owner (@name or “owner: Name”).']);
    expect(incomplete(measures('- [ ] **Fix:** Add an alert (@kim).'), withActions({ require: ['owner'] }))).toEqual([]);
    expect(incomplete(measures('- [ ] **Fix:** Add an alert (@kim).'), withActions({ require: ['due'] })).map(([, m]) => m)).toEqual(['Action item needs a due date (“due 2024-06-01”).']);
    expect(incomplete(measures('- [ ] **Fix:** Add an alert (due 2024-06-01).'), withActions({ require: ['due'] }))).toEqual([]);
  });
  it('says “in its row” for a table row, and names the fields as columns', () => {
    const table = '| Action | Type | Owner | Ticket | Due |\n| --- | --- | --- | --- | --- |\n| Add an alert | Fix |  |  |  |\n| Cap retries | Fix | kim | OPS-1 | 2024-06-01 |';
    expect(incomplete(measures(table), all)).toEqual([
      ['Add an alert | Fix |  |  |  |', 'Action item needs an owner, a ticket (a key like ABC-123 or a link) and a due date (2024-06-01) in its row.'],
    ]);
  });
  it('reports under the severity the document gives', () => {
    const template = withActions([{ require: ['ticket'], when: { severity: ['SEV-1'] } }], { fields: ['Duration', { name: 'Severity', values: ['SEV-1', 'SEV-2'] }] });
    const text = (sev: string) => measures('- [ ] **Fix:** Add an alert (@kim).').replace('UTC\n', `UTC\n**Severity:** ${sev}\n`);
    expect(incomplete(text('SEV-1'), template).map(([, m]) => m)).toEqual(['Action item needs a ticket (a key like ABC-123 or a link).']);
    expect(incomplete(text('SEV-2'), template)).toEqual([]);
  });
});

describe('action-item-incomplete: a due date that does not read', () => {
  it('counts a due column it cannot read as no due date, while an owner column with text is an owner', () => {
    const table = '| Action | Type | Owner | Due |\n| --- | --- | --- | --- |\n| Add an alert | Fix | kim | next sprint |\n| Cap retries | Fix | lee | 2024-06-01 |';
    expect(incomplete(measures(table), withActions({ require: ['owner', 'due'] }))).toEqual([['Add an alert | Fix | kim | next sprint |', 'Action item needs a due date (2024-06-01) in its row.']]);
  });
});
