// placeholder-text: text not written yet. The words (TBD, TBA, TBC, lorem ipsum and the
// template's own), <prompts> in angle brackets, a template placeholder comment left beside real
// content, and incident fields with no value or a placeholder one; what each says, and what is
// left alone (code, a time the timeline rules read, real HTML, a placeholder alone in its section).
import { describe, expect, it } from 'vitest';
import { analyze, getBuiltinTemplate, mergeTemplate, type Template } from '../../server/src/core/index.js';

const DEFAULT = getBuiltinTemplate('default')!;
const PD = getBuiltinTemplate('pagerduty')!;
const lint = (text: string, template: Template = DEFAULT) =>
  analyze(text, { template }).problems.filter((p) => p.rule === 'placeholder-text').map((p) => [text.slice(p.range.start, p.range.end), p.message]);
const at = (text: string, template: Template = DEFAULT) => lint(text, template).map(([t]) => t);
const doc = (impact: string) => `# Postmortem: x\n\n**Duration:** 2024-01-02 10:00 - 11:00 UTC\n\n## Impact\n\n${impact}\n`;
const WORD = (word: string) => `“${word}” is a placeholder: write what is known, or say what is still unknown and who is finding out.`;

describe('placeholder words', () => {
  it('finds TBD, TBA, TBC and lorem ipsum as whole words, in any case', () => {
    expect(lint(doc('Cause TBD, owner tba, date Tbc. Lorem Ipsum dolor.'))).toEqual([
      ['TBD', WORD('TBD')], ['tba', WORD('tba')], ['Tbc', WORD('Tbc')], ['Lorem Ipsum', WORD('Lorem Ipsum')],
    ]);
    expect(at(doc('TBDs, TBD-1, xTBD, TBD_2, the-TBA, loremipsum.'))).toEqual([]);
  });
  it('adds the template’s own placeholders, taken literally', () => {
    const template = { ...mergeTemplate(DEFAULT, {}), placeholders: ['XXX', '[name]'] };
    expect(at(doc('Owner: [name], cause XXX, not n or XXXX.'), template)).toEqual(['[name]', 'XXX']);
    expect(at(doc('Owner: n, cause XXX.'))).toEqual([]);
  });
  it('leaves code alone, and a time the timeline rules read', () => {
    expect(at(doc('`TBD` and\n\n```\nTBD\n```'))).toEqual([]);
    const text = '# Postmortem: x\n\n**Duration:** 2024-01-02 10:00 - 11:00 UTC\n\n## Timeline\n\n- **TBD:** Alert fires, cause TBD.\n';
    expect(at(text)).toEqual(['TBD']);
    expect(lint(text)[0]).toEqual(['TBD', WORD('TBD')]);
    expect(analyze(text).problems.find((p) => p.rule === 'placeholder-text')!.range.start).toBe(text.lastIndexOf('TBD'));
  });
});

describe('prompts in angle brackets', () => {
  it('reports a prompt, not an HTML tag or a tag with attributes', () => {
    expect(lint(doc('Users saw <fill in> errors.'))).toEqual([['<fill in>', '“<fill in>” is a prompt left from a template: replace it with the real text.']]);
    expect(at(doc('Ask <name> and <Team-Lead>.'))).toEqual(['<name>', '<Team-Lead>']);
    expect(at(doc('A<br>b <B>c</B> <span>d</span> <kbd>e</kbd> <details>f</details>'))).toEqual([]);
    expect(at(doc('See <x-widget data="1"> and <notes id=\'a\'> and <ref/>.'))).toEqual([]);
  });
});

describe('a template placeholder comment beside content', () => {
  const placeholder = 'Who and what was affected, and for how long?';
  it('is reported beside content, not alone in its section', () => {
    const text = doc(`<!-- ${placeholder} -->\n\nUsers saw errors.`);
    expect(lint(text)).toEqual([[`<!-- ${placeholder} -->`, 'The template’s placeholder is still here beside the section’s content: remove it.']]);
    expect(lint(doc(`<!-- ${placeholder} -->`))).toEqual([]);
    expect(lint(doc(`<!-- ${placeholder} -->\n\n<!-- another comment -->`))).toEqual([]);
  });
  it('is reported only for the template’s own placeholders, each one in a block', () => {
    expect(lint(doc('<!-- a note of mine -->\n\nUsers saw errors.'))).toEqual([]);
    const text = doc(`<!-- note --> <!-- ${placeholder} -->\n\nUsers saw errors.`);
    expect(at(text)).toEqual([`<!-- ${placeholder} -->`]);
    const twice = doc(`<!-- ${placeholder} --> <!--${placeholder}-->\n\nUsers saw errors.`);
    expect(at(twice)).toEqual([`<!-- ${placeholder} -->`, `<!--${placeholder}-->`]);
    // Right after another comment, with no space between.
    expect(at(doc(`<!-- note --><!-- ${placeholder} -->\n\nUsers saw errors.`))).toEqual([`<!-- ${placeholder} -->`]);
    expect(lint(doc(`<!-- ${placeholder}\n\nUsers saw errors.`))).toEqual([]);
  });
  it('looks at the section the comment is in, before its subsections', () => {
    const parent = 'Why it happened and how it was fixed, in the two subsections below.';
    const text = `# Postmortem: x\n\n## Root Cause and Resolution\n\n<!-- ${parent} -->\n\n### Root Cause\n\nA.\n\n### Resolution\n\nB.\n`;
    expect(lint(text)).toEqual([]);
    expect(at(text.replace('### Root Cause', 'Some text.\n\n### Root Cause'))).toEqual([`<!-- ${parent} -->`]);
    const child = 'What made this possible? Go past the trigger to the underlying cause.';
    expect(at(text.replace('A.', `<!-- ${child} -->\n\nA.`))).toEqual([`<!-- ${child} -->`]);
  });
});

describe('incident fields with no value yet', () => {
  it('says a template field has no value, but not a bold label over a list', () => {
    const text = '# Postmortem: x\n\n**Severity:**\n**Status:** Final\n**Date:** 2024-05-01\n\n**What went well:**\n\n- Alerts.\n';
    expect(lint(text, PD)).toEqual([['', 'Severity has no value yet: write it after the colon.']]);
    expect(lint(text.replace('**Severity:**', '**Sev:**'), PD)).toEqual([['', 'Sev has no value yet: write it after the colon.']]);
  });
  it('says a field is still a placeholder, quoting it', () => {
    const text = '# Postmortem: x\n\n**Severity:** SEV-?\n**Status:** [status]\n**Date:** 2024-05-01\n';
    expect(lint(text, PD)).toEqual([
      ['SEV-?', 'Severity is still a placeholder (“SEV-?”): write the real value.'],
      ['[status]', 'Status is still a placeholder (“[status]”): write the real value.'],
    ]);
    expect(lint('# Postmortem: x\n\n**Severity:** SEV-1 | SEV-2\n**Status:** Draft | Final\n**Date:** 2024-05-01\n', PD).map(([t]) => t)).toEqual(['SEV-1 | SEV-2', 'Draft | Final']);
  });
  it('says a Duration line of HH:MM is a placeholder, once, not its words again', () => {
    const text = '# Postmortem: x\n\n**Duration:** 2024-05-01 HH:MM - HH:MM TBD\n';
    expect(lint(text)).toEqual([['2024-05-01 HH:MM - HH:MM TBD', 'Duration is still a placeholder (“2024-05-01 HH:MM - HH:MM TBD”): write the real value.']]);
    expect(lint('# Postmortem: x\n\n**Duration:** 2024-05-01 10:00 - 11:00 UTC\n')).toEqual([]);
  });
});

describe('placeholder-text: more edges', () => {
  const placeholder = 'Who and what was affected, and for how long?';
  it('reports a placeholder field value once, not again as a placeholder word', () => {
    const text = '# Postmortem: x\n\n**Severity:** TBD\n**Status:** Final\n**Date:** 2024-05-01\n';
    expect(lint(text, PD)).toEqual([['TBD', 'Severity is still a placeholder (“TBD”): write the real value.']]);
  });
  it('takes a choice list as a placeholder only for a field the template lists values for', () => {
    const text = '# Postmortem: x\n\n**Severity:** SEV-1\n**Status:** Final\n**Date:** 2024-05-01\n**Owner:** kim | lee\n';
    expect(lint(text, PD)).toEqual([]);
    const statusOnly = { ...mergeTemplate(DEFAULT, {}), fields: [{ name: 'Status', values: ['Draft', 'Final'] }] };
    expect(at('# Postmortem: x\n\n**Status:** Draft | Final\n', statusOnly)).toEqual(['Draft | Final']);
  });
  it('says only the Duration is a placeholder, not the fields beside it, and not a Duration in front matter', () => {
    const text = '# Postmortem: x\n\n**Duration:** 2024-05-01 HH:MM - HH:MM\n**Owner:** kim\n';
    expect(at(text)).toEqual(['2024-05-01 HH:MM - HH:MM']);
    expect(at('---\nduration: 2024-05-01 HH:MM - HH:MM\n---\n# Postmortem: x\n')).toEqual([]);
  });
  it('finds the template placeholder in an HTML block beside other markup, but not in code', () => {
    expect(at(doc(`<div>\n<!-- ${placeholder} -->\n</div>\n\nUsers saw errors.`))).toEqual([`<!-- ${placeholder} -->`]);
    expect(at(doc(`\`\`\`\n<!-- ${placeholder} -->\n\`\`\`\n\nUsers saw errors.`))).toEqual([]);
  });
  it('reads a placeholder from the template without its surrounding spaces, and skips sections with none', () => {
    const template = { ...mergeTemplate(DEFAULT, {}), sections: [{ title: 'Impact', placeholder: '  Fill me in.  ', sections: [{ title: 'Scope' }] }] };
    const text = '# Postmortem: x\n\n**Duration:** 2024-01-02 10:00 - 11:00 UTC\n\n## Impact\n\n<!-- Fill me in. -->\n\nUsers.\n\n### Scope\n\n<!-- note -->\n\nAll.\n';
    expect(at(text, template)).toEqual(['<!-- Fill me in. -->']);
  });
  it('takes a comment before the first section as beside no content', () => {
    expect(at(`# Postmortem: x\n\n<!-- ${placeholder} -->\n\nText.\n\n## Impact\n\nUsers.\n`)).toEqual([]);
  });
  it('stops at a comment left open at the end of the document', () => {
    expect(at(doc(`Users.\n\n<!-- ${placeholder}!`).trimEnd())).toEqual([]);
    expect(at(doc(`Users.\n\n<!-- ${placeholder}`).trimEnd())).toEqual([]);
  });
  it('reads a tag alone on its line, with text under it, as markup rather than a prompt', () => {
    expect(at(doc('<fill-in>\nUsers saw errors.'))).toEqual([]);
    expect(at(doc('Ask <x y> now.'))).toEqual(['<x y>']);
  });
});
