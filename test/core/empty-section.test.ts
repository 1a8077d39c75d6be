// empty-section decides most sections from their first visible character; these bodies start with
// a character that could begin noise (a comment, a rule, the placeholder) and so take the full check.
import { describe, expect, it } from 'vitest';
import { analyze, defaultTemplate } from '../../server/src/core/index.js';

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
