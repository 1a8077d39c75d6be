// Completion of incident fields (issue 13): the names of the fields a template requires and the
// document lacks, written as the document writes its fields, and a field's listed values.
import { describe, expect, it } from 'vitest';
import { analyze, completionContextAt, getBuiltinTemplate, mergeTemplate, type CompletionContext, type Template } from '../../server/src/core/index.js';

const pagerduty = getBuiltinTemplate('pagerduty')!;

/** The completion at `‸` in `text`, with the text each choice would write over its range. */
function at(marked: string, template: Template = pagerduty): { context: CompletionContext | undefined; replaced: string; written: string[] } {
  const offset = marked.indexOf('‸');
  const text = marked.replace('‸', '');
  const { postmortem } = analyze(text, { template });
  const context = completionContextAt(postmortem!, template, offset);
  const replaced = context ? text.slice(context.range.start, context.range.end) : '';
  const written = context?.kind === 'field' ? context.fields.map((f) => f.text) : context?.kind === 'value' ? context.values.map((v) => v.text) : [];
  return { context, replaced, written };
}

describe('field names', () => {
  it('offers the missing fields as bold lines under the title, in template order', () => {
    const { context, replaced, written } = at('# Postmortem: DNS\n\n**Status:** Draft\n**Se‸\n\n## Summary\n\nText.\n');
    expect(context?.kind).toBe('field');
    expect(replaced).toBe('**Se');
    // Status is written already: not offered again.
    expect(written).toEqual(['**Severity:** ', '**Date:** ']);
  });

  it('keeps the document’s own bold marker', () => {
    expect(at('# Postmortem: DNS\n\n__‸\n').written).toEqual(['__Severity:__ ', '__Status:__ ', '__Date:__ ']);
  });

  it('offers nothing below the first section, and nothing for a plain word', () => {
    expect(at('# Postmortem: DNS\n\n## Summary\n\n**‸\n').context).toBeUndefined();
    expect(at('# Postmortem: DNS\n\nSe‸\n').context).toBeUndefined();
  });

  it('offers nothing when every field is written', () => {
    expect(at('# Postmortem: DNS\n\n**Severity:** SEV-2\n**Status:** Draft\n**Date:** 2024-05-01\n**‸\n').context).toBeUndefined();
  });

  it('writes keys in the front matter when the cursor is there', () => {
    const { context, replaced, written } = at('---\ntemplate: pagerduty\nst‸\n---\n# Postmortem: DNS\n');
    expect(context?.kind).toBe('field');
    expect(replaced).toBe('st');
    expect(written).toEqual(['severity: ', 'status: ', 'date: ']);
    // Not on the opening or closing line.
    expect(at('---‸\ntemplate: pagerduty\n---\n# Postmortem: DNS\n').context).toBeUndefined();
    expect(at('---\ntemplate: pagerduty\n‸---\n# Postmortem: DNS\n').context).toBeUndefined();
  });

  it('lists the fields a severity does not require after the ones it does', () => {
    const template = mergeTemplate(pagerduty, {});
    template.fields = [{ name: 'Severity', values: ['SEV-1', 'SEV-2'] }, { name: 'Commander', when: { severity: ['SEV-1'] } }, 'Date'];
    const { context } = at('# Postmortem: DNS\n\n**Severity:** SEV-2\n**‸\n', template);
    expect(context?.kind === 'field' && context.fields.map((f) => [f.field.name, f.required])).toEqual([['Date', true], ['Commander', false]]);
  });
});

describe('field values', () => {
  it('offers the listed values after a bold field, replacing what is typed', () => {
    const { context, replaced, written } = at('# Postmortem: DNS\n\n**Severity:** SEV‸\n');
    expect(context?.kind === 'value' && context.field).toBe('Severity');
    expect(replaced).toBe('SEV');
    expect(written).toEqual(['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4', 'SEV-5']);
  });

  it('reads an alias, the colon outside the bold, and a second field on the line', () => {
    expect(at('# Postmortem: DNS\n\n- **Sev**: ‸\n').written).toHaveLength(5);
    expect(at('# Postmortem: DNS\n\n**Severity:** SEV-1 | **Status:** In‸\n').written).toEqual(['Draft', 'In Review', 'Reviewed', 'Final']);
  });

  it('quotes a front matter value YAML would not read plainly, unless a quote is open', () => {
    expect(at('---\nstatus: ‸\n---\n# Postmortem: DNS\n').written).toEqual(['Draft', '"In Review"', 'Reviewed', 'Final']);
    expect(at('---\nstatus: "In‸\n---\n# Postmortem: DNS\n').written).toEqual(['Draft', 'In Review', 'Reviewed', 'Final']);
  });

  it('offers nothing for a field that lists no values, or a key that is not a field', () => {
    expect(at('# Postmortem: DNS\n\n**Date:** ‸\n').context).toBeUndefined();
    expect(at('# Postmortem: DNS\n\n**Note:** ‸\n').context).toBeUndefined();
  });

  it('a chosen value reads as that field’s value, with no field-value problem', () => {
    const marked = '---\ntemplate: pagerduty\nstatus: ‸\n---\n# Postmortem: DNS\n';
    const { context } = at(marked);
    if (context?.kind !== 'value') throw new Error('expected values');
    const text = marked.replace('‸', context.values[1].text);
    const { postmortem, problems } = analyze(text, { template: pagerduty });
    expect(postmortem!.metadata.status?.value).toBe('In Review');
    expect(problems.filter((p) => p.rule === 'field-value')).toEqual([]);
  });
});
