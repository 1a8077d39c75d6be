// missing-field and field-value: the incident fields a template asks for (Severity, Status, Date…),
// what each says, and where the quick fix writes: after the fields before it in the template's
// order, else after the Duration, the title or the front matter, keeping the file's line endings.
import { describe, expect, it } from 'vitest';
import { analyze, applyEdits, getBuiltinTemplate, mergeTemplate, type Template } from '../../server/src/core/index.js';

const PD = getBuiltinTemplate('pagerduty')!;
const withFields = (fields: Template['fields']): Template => ({ ...mergeTemplate(getBuiltinTemplate('default')!, {}), fields });
const problems = (text: string, rule: string, template: Template) => analyze(text, { template }).problems.filter((p) => p.rule === rule);
const fixed = (text: string, rule: string, template: Template, which = 0) => applyEdits(text, problems(text, rule, template)[which].fixes[0].edits);

describe('missing-field', () => {
  it('names the field, the values it may take, and offers a quick fix outside Fix All', () => {
    const text = '# Postmortem: x\n\n**Status:** Final\n**Date:** 2024-05-01\n';
    const [problem, ...rest] = problems(text, 'missing-field', PD);
    expect(rest).toEqual([]);
    expect(text.slice(problem.range.start, problem.range.end)).toBe('# Postmortem: x');
    expect(problem.message).toBe('Missing incident field “Severity” (one of SEV-1, SEV-2, SEV-3, SEV-4, SEV-5): add the line “Severity: …” in bold under the title, or the key severity in the front matter (quick fix).');
    expect(problem.fixes.map((f) => [f.title, f.isPreferred, f.fixAll])).toEqual([['Add the Severity field', true, false]]);
    expect(problems('# Postmortem: x\n\n**Severity:** SEV-1\n**Status:** Final\n', 'missing-field', PD).map((p) => p.message)).toEqual([
      'Missing incident field “Date”: add the line “Date: …” in bold under the title, or the key date in the front matter (quick fix).',
    ]);
  });
  it('asks for a field with a severity condition only under that severity', () => {
    const template = withFields(['Severity', { name: 'Customer Impact', when: { severity: ['SEV-1'] } }]);
    expect(problems('# Postmortem: x\n\n**Severity:** SEV-1\n', 'missing-field', template).map((p) => p.message)).toEqual([expect.stringContaining('“Customer Impact”')]);
    expect(problems('# Postmortem: x\n\n**Severity:** SEV-2\n', 'missing-field', template)).toEqual([]);
  });
  it('writes the field after the last field before it in the template’s order', () => {
    expect(fixed('# Postmortem: x\n\n**Severity:** SEV-1\n**Date:** 2024-05-01\n', 'missing-field', PD)).toBe('# Postmortem: x\n\n**Severity:** SEV-1\n**Status:** \n**Date:** 2024-05-01\n');
    expect(fixed('# Postmortem: x\n\n**Status:** Final\n**Severity:** SEV-1\n\nText.\n', 'missing-field', PD)).toBe('# Postmortem: x\n\n**Status:** Final\n**Date:** \n**Severity:** SEV-1\n\nText.\n');
  });
  it('writes the field after the Duration line when no field before it is written', () => {
    const template = withFields(['Severity', 'Duration']);
    expect(fixed('# Postmortem: x\n\n**Duration:** 2024-01-02 10:00 - 11:00 UTC\n\nText.\n', 'missing-field', template)).toBe(
      '# Postmortem: x\n\n**Duration:** 2024-01-02 10:00 - 11:00 UTC\n**Severity:** \n\nText.\n',
    );
  });
  it('writes the field under the title, keeping a blank line before the text after it', () => {
    expect(fixed('# Postmortem: x\n\nText.\n', 'missing-field', PD)).toBe('# Postmortem: x\n\n**Severity:** \n\nText.\n');
    expect(fixed('# Postmortem: x\nText.\n', 'missing-field', PD)).toBe('# Postmortem: x\n\n**Severity:** \n\nText.\n');
    expect(fixed('# Postmortem: x', 'missing-field', PD)).toBe('# Postmortem: x\n\n**Severity:** ');
  });
  it('keeps CRLF line endings', () => {
    expect(fixed('# Postmortem: x\r\n\r\nText.\r\n', 'missing-field', PD)).toBe('# Postmortem: x\r\n\r\n**Severity:** \r\n\r\nText.\r\n');
    expect(fixed('# Postmortem: x\r\n\r\n**Severity:** SEV-1\r\n', 'missing-field', PD)).toBe('# Postmortem: x\r\n\r\n**Severity:** SEV-1\r\n**Status:** \r\n');
  });
  it('writes the field at the top of a document with no title', () => {
    expect(fixed('Text.\n', 'missing-field', PD)).toBe('**Severity:** \n\nText.\n');
  });
  it('writes the field after the front matter when the title comes from it', () => {
    // Flow-style front matter cannot take a new last line, so the field goes after it.
    const text = '---\n{title: Outage}\n---\nText.\n';
    expect(fixed(text, 'missing-field', PD)).toBe('---\n{title: Outage}\n---\n\n**Severity:** \n\nText.\n');
  });
  it('adds the key to front matter that holds the fields, not to one that holds none or cannot take it', () => {
    const template = withFields(['Date', 'Severity']);
    expect(fixed('---\ndate: 2024-05-01\n---\n# Postmortem: x\n', 'missing-field', template)).toBe('---\ndate: 2024-05-01\nseverity: \n---\n# Postmortem: x\n');
    expect(fixed('---\r\ndate: 2024-05-01\r\n---\r\n# Postmortem: x\r\n', 'missing-field', template)).toBe('---\r\ndate: 2024-05-01\r\nseverity: \r\n---\r\n# Postmortem: x\r\n');
    // A field written as a line: the new one goes beside it.
    expect(fixed('---\ndate: 2024-05-01\n---\n# Postmortem: x\n\n**Date:** 2024-05-01\n', 'missing-field', template)).toBe('---\ndate: 2024-05-01\n---\n# Postmortem: x\n\n**Date:** 2024-05-01\n**Severity:** \n');
    // Front matter past 16 KB is not re-read for each fix: the field goes on its own line.
    const long = `---\ndate: 2024-05-01\nnotes: "${'x'.repeat(17 * 1024)}"\n---\n# Postmortem: x\n`;
    expect(fixed(long, 'missing-field', template)).toBe(`${long.slice(0, -1)}\n\n**Severity:** \n`);
  });
});

describe('field-value', () => {
  const doc = (severity: string) => `# Postmortem: x\n\n**Severity:** ${severity}\n**Status:** Final\n**Date:** 2024-05-01\n`;
  const values = (text: string) => problems(text, 'field-value', PD).map((p) => ({ at: text.slice(p.range.start, p.range.end), message: p.message, fixes: p.fixes.map((f) => [f.title, f.isPreferred ?? false, f.fixAll ?? true, applyEdits(text, f.edits)]) }));
  it('suggests the closest listed value as the one preferred fix, replacing only the value', () => {
    const text = doc('SEV-22 (major)');
    expect(values(text)).toEqual([{ at: 'SEV-22', message: 'Severity “SEV-22” is not one of SEV-1, SEV-2, SEV-3, SEV-4, SEV-5: did you mean “SEV-2”?', fixes: [['Change to SEV-2', true, true, doc('SEV-2 (major)')]] }]);
  });
  it('offers every listed value, none preferred and none in Fix All, when nothing is close', () => {
    const text = doc('banana');
    const [problem] = values(text);
    expect(problem.message).toBe('Severity “banana” is not one of SEV-1, SEV-2, SEV-3, SEV-4, SEV-5.');
    expect(problem.fixes).toEqual(['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5'].map((v) => [`Change to ${v}`, false, false, doc(v)]));
  });
  it('keeps emphasis and a note after the value out of the range', () => {
    for (const [written, at] of [['**banana**', 'banana'], ['`banana`', 'banana'], ['_banana_ (sort of)', 'banana'], ['banana - major', 'banana'], ['banana – major', 'banana'], ['banana — major', 'banana'], ['banana; major', 'banana'], ['banana, major', 'banana'], ['banana [major]', 'banana'], ['big banana', 'big banana']]) {
      expect(values(doc(written)).map((p) => p.at), written).toEqual([at]);
    }
  });
  it('accepts a listed value in another spelling, and leaves empty and placeholder values to placeholder-text', () => {
    for (const ok of ['sev 1', 'SEV1', 'sev-1', '', 'SEV-?', '[severity]']) expect(values(doc(ok)), ok).toEqual([]);
  });
  it('checks only fields with values, and those whose condition holds', () => {
    const template = withFields(['Severity', { name: 'Tier', values: ['A', 'B'], when: { severity: ['SEV-1'] } }, 'Owner']);
    const text = (sev: string) => `# Postmortem: x\n\n**Severity:** ${sev}\n**Tier:** Zed\n**Owner:** whoever\n`;
    expect(problems(text('SEV-1'), 'field-value', template).map((p) => p.message)).toEqual(['Tier “Zed” is not one of A, B.']);
    expect(problems(text('SEV-2'), 'field-value', template)).toEqual([]);
  });
});

describe('missing-field: where the fix writes, more edges', () => {
  it('writes under the title, not after a field that comes later in the template’s order', () => {
    expect(fixed('# Postmortem: x\n\n**Status:** Final\n**Date:** 2024-05-01\n', 'missing-field', PD)).toBe('# Postmortem: x\n\n**Severity:** \n\n**Status:** Final\n**Date:** 2024-05-01\n');
  });
  it('goes after a Duration line, not a Duration in the front matter', () => {
    const template = withFields(['Severity', 'Duration']);
    const text = '---\nduration: 2024-01-02 10:00 - 11:00 UTC\n---\n# Postmortem: x\n\n**Owner:** kim\n';
    expect(fixed(text, 'missing-field', template)).toBe('---\nduration: 2024-01-02 10:00 - 11:00 UTC\n---\n# Postmortem: x\n\n**Severity:** \n\n**Owner:** kim\n');
  });
  it('keeps a blank line before an indented line, and takes a line of spaces as blank', () => {
    expect(fixed('# Postmortem: x\n  Text.\n', 'missing-field', PD)).toBe('# Postmortem: x\n\n**Severity:** \n\n  Text.\n');
    expect(fixed('# Postmortem: x\n   \nText.\n', 'missing-field', PD)).toBe('# Postmortem: x\n\n**Severity:** \n   \nText.\n');
  });
  it('adds to front matter only when the new key will read as empty there', () => {
    const template = withFields(['Date', 'Severity']);
    // After a `...` end marker the new key is outside the YAML, even with another empty key before it.
    const text = '---\ndate: 2024-05-01\nowner:\n...\n# note\n---\n# Postmortem: x\n';
    expect(fixed(text, 'missing-field', template)).toBe('---\ndate: 2024-05-01\nowner:\n...\n# note\n---\n# Postmortem: x\n\n**Severity:** \n');
  });
  it('takes front matter of up to 16 KB', () => {
    const template = withFields(['Date', 'Severity']);
    const sized = (size: number) => {
      const shell = '---\ndate: 2024-05-01\nnotes: ""\n---';
      return `---\ndate: 2024-05-01\nnotes: "${'x'.repeat(size - shell.length)}"\n---\n# Postmortem: x\n`;
    };
    const text = sized(16 * 1024);
    expect(analyze(text, { template }).postmortem!.frontMatter!.range).toEqual({ start: 0, end: 16 * 1024 });
    expect(fixed(text, 'missing-field', template)).toContain('"\nseverity: \n---\n');
    expect(fixed(sized(16 * 1024 + 1), 'missing-field', template)).toContain('\n\n**Severity:** \n');
  });
});
