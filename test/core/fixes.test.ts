// The edit machinery every quick fix goes through (applyEdits, selectCompatibleFixes), and the
// text "Add section" writes: where it lands, the blank lines around it, and the line that first
// closes a code block or HTML block the author left open at the end of the document.
import { describe, expect, it } from 'vitest';
import { analyze, applyEdits, applyFixes, getBuiltinTemplate, isUnattended, selectCompatibleFixes, type AnalyzeOptions, type Fix, type Template, type TextEdit } from '../../server/src/core/index.js';

const edit = (start: number, end: number, newText: string): TextEdit => ({ start, end, newText });
const fix = (title: string, ...edits: TextEdit[]): Fix => ({ title, edits });
/** Which of two single-edit fixes survive when the first is picked first. */
const compatible = (a: TextEdit, b: TextEdit) => selectCompatibleFixes([fix('a', a), fix('b', b)]).map((f) => f.title).join('');

describe('applyEdits', () => {
  it('applies edits given in any order, at their own offsets', () => {
    expect(applyEdits('0123456789', [edit(8, 9, 'E'), edit(0, 1, 'A'), edit(4, 6, 'C')])).toBe('A123C67E9');
    expect(applyEdits('0123456789', [edit(4, 6, 'C'), edit(8, 9, 'E'), edit(0, 1, 'A')])).toBe('A123C67E9');
  });

  it('puts an insertion before a replacement that starts at the same offset', () => {
    expect(applyEdits('abcdefgh', [edit(5, 7, 'X'), edit(5, 5, 'I')])).toBe('abcdeIXh');
  });

  it('keeps the text outside the edits, and handles edits at both ends', () => {
    expect(applyEdits('middle', [edit(6, 6, '!'), edit(0, 0, '>')])).toBe('>middle!');
    expect(applyEdits('middle', [])).toBe('middle');
  });

  it('refuses overlapping, reversed and out-of-range edits, naming the offset', () => {
    expect(() => applyEdits('abcdef', [edit(0, 3, 'x'), edit(2, 4, 'y')])).toThrow('Overlapping or invalid edit at 2');
    expect(() => applyEdits('abcdef', [edit(4, 2, 'x')])).toThrow('Overlapping or invalid edit at 4');
    expect(() => applyEdits('abcdef', [edit(5, 7, 'x')])).toThrow('Overlapping or invalid edit at 5');
    expect(applyEdits('abcdef', [edit(3, 6, 'x')])).toBe('abcx');
  });
});

describe('selectCompatibleFixes', () => {
  it('drops a fix whose range overlaps one already picked, either way round', () => {
    expect(compatible(edit(0, 4, 'x'), edit(2, 6, 'y'))).toBe('a');
    expect(compatible(edit(2, 6, 'x'), edit(0, 4, 'y'))).toBe('a');
    expect(compatible(edit(2, 4, 'x'), edit(0, 6, 'y'))).toBe('a');
  });

  it('keeps fixes whose ranges only touch', () => {
    expect(compatible(edit(0, 4, 'x'), edit(4, 6, 'y'))).toBe('ab');
    expect(compatible(edit(4, 6, 'x'), edit(0, 4, 'y'))).toBe('ab');
  });

  it('drops a second insertion at the same point, whose order would be a guess, and keeps one elsewhere', () => {
    expect(compatible(edit(3, 3, 'x'), edit(3, 3, 'y'))).toBe('a');
    expect(compatible(edit(3, 3, 'x'), edit(4, 4, 'y'))).toBe('ab');
  });

  it('drops an insertion inside a replaced range, but not one at its edges', () => {
    expect(compatible(edit(2, 6, 'x'), edit(4, 4, 'y'))).toBe('a');
    expect(compatible(edit(4, 4, 'y'), edit(2, 6, 'x'))).toBe('a');
    expect(compatible(edit(2, 6, 'x'), edit(2, 2, 'y'))).toBe('ab');
    expect(compatible(edit(2, 6, 'x'), edit(6, 6, 'y'))).toBe('ab');
    expect(compatible(edit(2, 2, 'y'), edit(2, 6, 'x'))).toBe('ab');
    expect(compatible(edit(6, 6, 'y'), edit(2, 6, 'x'))).toBe('ab');
  });

  it('drops a fix when any one of its edits conflicts, and applies the rest in order', () => {
    const first = fix('first', edit(0, 1, 'A'));
    const clashing = fix('clashing', edit(8, 9, 'E'), edit(0, 2, 'B'));
    const last = fix('last', edit(5, 5, '+'));
    expect(selectCompatibleFixes([first, clashing, last])).toEqual([first, last]);
    expect(applyFixes('0123456789', [first, clashing, last])).toEqual({ text: 'A1234+56789', applied: [first, last] });
  });
});

// ---- "Add section" ----

const UP_TO_LESSONS = [
  '# Postmortem: x', '', '## Impact', '', 'Users.', '', '## Timeline', '', '- 10:00 UTC a', '',
  '## Root Cause and Resolution', '', '### Root Cause', '', 'A.', '', '### Resolution', '', 'B.', '',
  '## Corrective and Preventative Measures', '', '- **Fix:** c', '', '## Lessons Learned', '', '',
].join('\n');
const CONCLUSION = '## Conclusion\n\n<!-- Where things stand now and what happens next, in a few sentences. -->\n';

/** The edit of "Add section “title”". */
function addSection(text: string, title: string, options?: AnalyzeOptions): TextEdit {
  const add = analyze(text, options).problems.flatMap((p) => p.fixes).find((f) => f.title === `Add section “${title}”`);
  expect(add?.edits).toHaveLength(1);
  return add!.edits[0];
}
const withSection = (text: string, title: string) => applyEdits(text, [addSection(text, title)]);
/** The document up to Lessons Learned, whose body is `lessons`, with Conclusion added. */
const conclude = (lessons: string) => withSection(UP_TO_LESSONS + lessons, 'Conclusion');

describe('Add section, at the end of a document', () => {
  it('appends after one blank line, whatever the document ends with', () => {
    expect(conclude('L.\n')).toBe(`${UP_TO_LESSONS}L.\n\n${CONCLUSION}`);
    expect(conclude('L.')).toBe(`${UP_TO_LESSONS}L.\n\n${CONCLUSION}`);
    expect(conclude('L.\n\n')).toBe(`${UP_TO_LESSONS}L.\n\n${CONCLUSION}`);
  });

  it('keeps CRLF line ends', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    for (const ending of ['L.', 'L.\n', 'L.\n\n']) {
      expect(withSection(crlf(UP_TO_LESSONS + ending), 'Conclusion')).toBe(crlf(`${UP_TO_LESSONS}L.\n\n${CONCLUSION}`));
    }
  });

  it('closes a fenced code block left open, with its own fence', () => {
    expect(conclude('```\nlog line\n')).toBe(`${UP_TO_LESSONS}\`\`\`\nlog line\n\`\`\`\n\n${CONCLUSION}`);
    expect(conclude('~~~~ text\nlog line')).toBe(`${UP_TO_LESSONS}~~~~ text\nlog line\n~~~~\n\n${CONCLUSION}`);
    expect(conclude('```')).toBe(`${UP_TO_LESSONS}\`\`\`\n\`\`\`\n\n${CONCLUSION}`);
  });

  it('takes a shorter fence, or one of the other character, as code still open', () => {
    expect(conclude('````\nx\n```\n')).toBe(`${UP_TO_LESSONS}\`\`\`\`\nx\n\`\`\`\n\`\`\`\`\n\n${CONCLUSION}`);
    expect(conclude('```\nx\n~~~\n')).toBe(`${UP_TO_LESSONS}\`\`\`\nx\n~~~\n\`\`\`\n\n${CONCLUSION}`);
  });

  it('adds no closing line after a closed fence, or after indented code', () => {
    expect(conclude('```\nx\n```\n')).toBe(`${UP_TO_LESSONS}\`\`\`\nx\n\`\`\`\n\n${CONCLUSION}`);
    expect(conclude('````\nx\n`````\n')).toBe(`${UP_TO_LESSONS}\`\`\`\`\nx\n\`\`\`\`\`\n\n${CONCLUSION}`);
    expect(conclude('Text.\n\n    indented code\n')).toBe(`${UP_TO_LESSONS}Text.\n\n    indented code\n\n${CONCLUSION}`);
  });

  it('closes an HTML block that runs to its end marker', () => {
    const closed = (opening: string, closer: string) => expect(conclude(`${opening}\nstill inside\n`)).toBe(`${UP_TO_LESSONS}${opening}\nstill inside\n${closer}\n\n${CONCLUSION}`);
    closed('<!-- a comment', '-->');
    closed('<script>', '</script>');
    closed('<PRE class="log">', '</pre>');
    closed('<style>', '</style>');
    closed('<?php', '?>');
    closed('<![CDATA[ data', ']]>');
    closed('<!DOCTYPE html', '>');
  });

  it('adds no closing line after an HTML block that is closed, or that a blank line ends', () => {
    for (const html of ['<!-- done -->\n', '<!-->\n', '<div>\nx\n', '<script>x</script>\n', '<?php x ?>\n']) {
      expect(conclude(html)).toBe(`${UP_TO_LESSONS}${html}\n${CONCLUSION}`);
    }
  });

  it('closes a block open in a document without sections, before the first one it adds', () => {
    const text = 'Notes.\n\n```\nx\n';
    const added = addSection(text, 'Impact');
    expect(added).toEqual({ start: text.length, end: text.length, newText: '```\n\n## Impact\n\n<!-- Who and what was affected, and for how long? -->\n' });
  });

  it('looks only at the last section: a closed fence earlier on changes nothing', () => {
    const text = UP_TO_LESSONS.replace('Users.', '```\nUsers.\n```') + 'L.\n';
    expect(withSection(text, 'Conclusion')).toBe(`${text}\n${CONCLUSION}`);
  });
});

describe('Add section, between sections', () => {
  const DOC = ['# Postmortem: x', '', '## Impact', '', 'Users.', '', '## Notes', '', 'n', '', '## Lessons Learned', '', 'L.', '', '## Conclusion', '', 'C.', ''].join('\n');

  it('goes after the nearest earlier section of the template, even the first one', () => {
    const timeline = addSection(DOC, 'Timeline');
    expect(timeline.start).toBe(DOC.indexOf('## Notes'));
    expect(timeline.newText).toBe('## Timeline\n\n<!-- Key events, oldest first, one list item each: time, then what happened. -->\n\n');
  });

  it('goes before the next section of the template when none comes before it, skipping absent ones', () => {
    const doc = DOC.replace('## Impact\n\nUsers.\n\n', '');
    expect(addSection(doc, 'Impact').start).toBe(doc.indexOf('## Notes') + '## Notes\n\nn\n\n'.length);
  });

  it('goes at the end of its parent when no sibling is there, with its children', () => {
    const doc = DOC.replace('## Notes\n\nn', '## Root Cause and Resolution\n\nWe fixed it.');
    expect(analyze(doc).problems.filter((p) => p.rule === 'missing-section').map((p) => p.message)).toEqual([
      'Missing required section “Timeline”.',
      'Missing required section “Root Cause” under “Root Cause and Resolution”.',
      'Missing required section “Resolution” under “Root Cause and Resolution”.',
      'Missing required section “Corrective and Preventative Measures”.',
    ]);
    const rootCause = addSection(doc, 'Root Cause');
    expect(rootCause.start).toBe(doc.indexOf('## Lessons Learned'));
    expect(rootCause.newText).toBe('### Root Cause\n\n<!-- What made this possible? Go past the trigger to the underlying cause. -->\n\n');
    const measures = addSection(doc, 'Corrective and Preventative Measures');
    expect(measures.start).toBe(doc.indexOf('## Lessons Learned'));
  });

  it('writes a missing parent with its required children, not its own placeholder', () => {
    const added = addSection(DOC, 'Root Cause and Resolution');
    expect(added.newText).toBe([
      '## Root Cause and Resolution', '', '### Root Cause', '', '<!-- What made this possible? Go past the trigger to the underlying cause. -->', '',
      '### Resolution', '', '<!-- What stopped the impact, and what restored normal service? -->', '', '',
    ].join('\n'));
  });

  it('adds a blank line before it when the section above ends without one', () => {
    const doc = '# Postmortem: x\n\n## Impact\n\nUsers.\n## Lessons Learned\n\nL.\n';
    const timeline = addSection(doc, 'Timeline');
    expect(timeline.start).toBe(doc.indexOf('## Lessons Learned'));
    expect(timeline.newText.startsWith('\n## Timeline\n')).toBe(true);
  });
});

describe('Add section: edges of the end of the document', () => {
  it('closes a fence that the last line of a document without a line break does not close', () => {
    expect(conclude('```\nx\n~~~')).toBe(`${UP_TO_LESSONS}\`\`\`\nx\n~~~\n\`\`\`\n\n${CONCLUSION}`);
    expect(conclude('````\nx\n```')).toBe(`${UP_TO_LESSONS}\`\`\`\`\nx\n\`\`\`\n\`\`\`\`\n\n${CONCLUSION}`);
    expect(conclude('```\nx\n```')).toBe(`${UP_TO_LESSONS}\`\`\`\nx\n\`\`\`\n\n${CONCLUSION}`);
  });

  it('adds no closing line after indented code or a paragraph, even with HTML before them', () => {
    expect(conclude('<b>Note</b> text\n\nL.\n')).toBe(`${UP_TO_LESSONS}<b>Note</b> text\n\nL.\n\n${CONCLUSION}`);
    expect(conclude('<div>x</div>\n\n    indented code\n')).toBe(`${UP_TO_LESSONS}<div>x</div>\n\n    indented code\n\n${CONCLUSION}`);
  });

  it('closes a block at the end of a long last section, read in pieces', () => {
    const long = 'A paragraph of the lessons.\n\n'.repeat(800);
    expect(conclude(`${long}\`\`\`\nx\n`)).toBe(`${UP_TO_LESSONS}${long}\`\`\`\nx\n\`\`\`\n\n${CONCLUSION}`);
  });

  it('adds no closing line to a section inserted before the end', () => {
    const text = UP_TO_LESSONS.replace('## Timeline\n\n- 10:00 UTC a\n\n', '') + 'L.\n\n## Conclusion\n\n```\nopen\n';
    expect(addSection(text, 'Timeline').newText).toBe('## Timeline\n\n<!-- Key events, oldest first, one list item each: time, then what happened. -->\n\n');
  });

  it('inserts at the very start with no blank line before it', () => {
    const text = '## Timeline\n\n- 10:00 UTC a\n';
    expect(addSection(text, 'Impact')).toEqual({ start: 0, end: 0, newText: '## Impact\n\n<!-- Who and what was affected, and for how long? -->\n\n' });
  });

  it('appends to a document that has only sections the template does not know', () => {
    const text = '# Title\n\n## Notes\n\nx\n';
    expect(addSection(text, 'Impact')).toEqual({ start: text.length, end: text.length, newText: '\n## Impact\n\n<!-- Who and what was affected, and for how long? -->\n' });
  });
});

describe('Add section: what it writes', () => {
  const DEFAULT = getBuiltinTemplate('default')!;

  it('writes headings one level deeper under an H2 title', () => {
    const text = '## Postmortem: x\n\n### Impact\n\nUsers.\n';
    expect(addSection(text, 'Timeline').newText).toBe('\n### Timeline\n\n<!-- Key events, oldest first, one list item each: time, then what happened. -->\n');
  });

  it('writes only the required children, and keeps a placeholder from ending its comment early', () => {
    const template: Template = {
      ...DEFAULT,
      sections: [{
        title: 'Analysis', level: 2, placeholder: 'Why -- and how --- it happened',
        sections: [{ title: 'Cause', level: 3, placeholder: 'The cause' }, { title: 'Extras', level: 3, required: false, placeholder: 'Optional' }],
      }, { title: 'Summary', level: 2, placeholder: 'A -- B --- C' }],
    };
    expect(addSection('# P\n', 'Analysis', { template }).newText).toBe('\n## Analysis\n\n### Cause\n\n<!-- The cause -->\n');
    expect(addSection('# P\n', 'Summary', { template }).newText).toBe('\n## Summary\n\n<!-- A — B — C -->\n');
  });
});

describe('isUnattended: what Fix All applies', () => {
  it('follows fixAll when a fix says, else whether it is preferred', () => {
    const fix = (fields: Partial<Fix>): Fix => ({ title: 't', edits: [], ...fields });
    expect(isUnattended(fix({ fixAll: true }))).toBe(true);
    expect(isUnattended(fix({ fixAll: false, isPreferred: true }))).toBe(false);
    expect(isUnattended(fix({ fixAll: true, isPreferred: false }))).toBe(true);
    expect(isUnattended(fix({ isPreferred: true }))).toBe(true);
    expect(isUnattended(fix({ isPreferred: false }))).toBe(false);
    expect(isUnattended(fix({}))).toBe(false);
  });
});

describe('Add section: how it is offered', () => {
  it('is the preferred quick fix when no heading could be renamed instead', () => {
    const text = '# Postmortem: x\n\n## Impact\n\nUsers.\n';
    const problem = analyze(text).problems.find((p) => p.message === 'Missing required section “Conclusion”.')!;
    expect(problem.fixes.map((f) => [f.title, f.isPreferred])).toEqual([['Add section “Conclusion”', true]]);
  });
});

describe('Add section: an open block at the end of a long last section', () => {
  it('finds the fence left open after many paragraphs, and an HTML comment after a long list', () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => `Paragraph ${i} of the lessons.`).join('\n\n');
    expect(conclude(`${paragraphs}\n\n\`\`\`\nlog line\n`)).toBe(`${UP_TO_LESSONS}${paragraphs}\n\n\`\`\`\nlog line\n\`\`\`\n\n${CONCLUSION}`);
    const list = Array.from({ length: 300 }, (_, i) => `- lesson ${i}`).join('\n');
    expect(conclude(`${list}\n\n<!-- a note\n`)).toBe(`${UP_TO_LESSONS}${list}\n\n<!-- a note\n-->\n\n${CONCLUSION}`);
  });
});
