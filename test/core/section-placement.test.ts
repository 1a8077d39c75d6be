import { describe, expect, it } from 'vitest';
import { analyze, applyEdits, BUILTIN_TEMPLATES, indexTemplate } from '../../server/src/core/index.js';
import { insertedSectionSelection, missingSections, placementOf } from '../../server/src/core/assist/index.js';
import { insertSectionFix } from '../../server/src/core/fixes/insert-section.js';

const template = BUILTIN_TEMPLATES.default;
const DOC = [
  '# Postmortem: x', '', '**Duration:** 2024-05-01 10:00 - 2024-05-01 11:00 (UTC)', '',
  '## Impact', '', 'Users.', '', '## Timeline', '', '- **10:00:** a', '',
  '## Root Cause and Resolution', '', '### Root Cause', '', 'A.', '',
  '## Lessons Learned', '', 'L.', '',
].join('\n');

describe('where a missing section goes, in words', () => {
  it('names the section it goes after, before, or into', () => {
    const postmortem = analyze(DOC, { template }).postmortem!;
    const placed = Object.fromEntries(missingSections(postmortem, template).map((e) => [e.section.title, placementOf(postmortem, e)]));
    expect(placed).toEqual({
      Resolution: 'after Root Cause',
      'Corrective and Preventative Measures': 'after Root Cause and Resolution',
      Conclusion: 'after Lessons Learned',
    });
    const onlyLater = analyze('# Postmortem: x\n\n## Conclusion\n\nDone.\n', { template }).postmortem!;
    const impact = indexTemplate(template).topLevel.find((e) => e.section.title === 'Impact')!;
    expect(placementOf(onlyLater, impact)).toBe('before Conclusion');
  });
});

describe('where the cursor goes after inserting a section', () => {
  it('selects the new section’s placeholder, in the edited text', () => {
    const postmortem = analyze(DOC, { template }).postmortem!;
    const conclusion = indexTemplate(template).topLevel.find((e) => e.section.title === 'Conclusion')!;
    const fix = insertSectionFix(postmortem, conclusion);
    const after = applyEdits(DOC, fix.edits);
    const selection = insertedSectionSelection(DOC, fix.edits)!;
    expect(after.slice(selection.start, selection.end)).toMatch(/^<!-- Where things stand now.* -->$/);
    expect(after.lastIndexOf('## Conclusion', selection.start)).toBeGreaterThan(after.indexOf('## Lessons Learned'));
  });

  it('accounts for earlier edits, and ends the heading line when there is no placeholder', () => {
    const text = 'a\nb\n';
    const edits = [{ start: 0, end: 1, newText: 'AAA' }, { start: 4, end: 4, newText: '\n## New\n\ntext\n' }];
    const after = applyEdits(text, edits);
    const selection = insertedSectionSelection(text, edits)!;
    expect(selection.start).toBe(selection.end);
    expect(after.slice(0, selection.start).endsWith('## New')).toBe(true);
    expect(insertedSectionSelection(text, [{ start: 0, end: 1, newText: 'no heading' }])).toBeUndefined();
  });
});
