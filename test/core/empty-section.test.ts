// empty-section decides most sections from their first visible character; these bodies start with
// a character that could begin noise (a comment, a rule, the placeholder) and so take the full check.
import { describe, expect, it } from 'vitest';
import { analyze, defaultTemplate, getBuiltinTemplate, postmortemSkeleton } from '../../server/src/core/index.js';

const placeholder = defaultTemplate().sections.find((s) => s.title === 'Impact')!.placeholder!;
const impactIsEmpty = (body: string) =>
  analyze(`# Postmortem: x\n\n## Impact\n\n${body}\n\n## Timeline\n\n- 10:00 a\n`).problems.some((p) => p.rule === 'empty-section' && p.message.includes('Impact'));

describe('empty-section', () => {
  it.each([
    ['a comment', '<!-- later -->', true],
    ['a thematic break', '---', true],
    ['a starred break and a comment', '* * *\n\n<!-- x -->', true],
    ['the placeholder', placeholder, true],
    ['the placeholder in a comment', `<!-- ${placeholder} -->`, true],
    ['whitespace only', '   \n\t\n', true],
    ['emphasis', '_Most_ users', false],
    ['a list', '- checkout failed', false],
    ['strong text after a comment', '<!-- x -->\n\n**All** users', false],
    ['an HTML element', '<b>All</b> users', false],
    ['text after the placeholder', `${placeholder}\n\nAll users.`, false],
    ['a word', 'All users.', false],
  ])('a body of %s is empty: %s', (_name, body, empty) => {
    expect(impactIsEmpty(body)).toBe(empty);
  });
});

describe('empty-section on a new document', () => {
  const skeleton = postmortemSkeleton(defaultTemplate(), { date: '2024-05-01' });
  const empty = (text: string) => analyze(text).problems.filter((p) => p.rule === 'empty-section');

  it('reports the sub-sections that carry the placeholders, not their parent as well', () => {
    const titles = empty(skeleton).map((p) => p.message.match(/“(.*?)”/)![1]);
    expect(titles).toContain('Root Cause');
    expect(titles).toContain('Resolution');
    expect(titles).not.toContain('Root Cause and Resolution');
  });

  it('a parent whose sub-sections are not the template’s is still reported', () => {
    const text = skeleton.replace('### Root Cause\n', '### Notes\n').replace('### Resolution\n', '### More notes\n');
    expect(empty(text).map((p) => p.message)).toContain('Section “Root Cause and Resolution” is empty: say what happened here.');
  });

  it('does not advise removing a required section; an optional one may go', () => {
    expect(empty(skeleton).map((p) => p.message)).toContain('Section “Impact” is empty: say what happened here.');
    expect(empty(skeleton).every((p) => !p.message.includes('remove'))).toBe(true);
    const template = getBuiltinTemplate('google-sre')!;
    const [optional] = analyze('# Postmortem: x\n\n## Supporting Information\n\n', { template }).problems.filter((p) => p.rule === 'empty-section');
    expect(optional.message).toBe('Section “Supporting Information” is empty: say what happened here, or remove it if it does not apply.');
  });
});
