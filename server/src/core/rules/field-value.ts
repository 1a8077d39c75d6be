import type { Rule } from './rule.js';
import { quote } from './rule.js';
import { canonicalValue, closestValue, documentSeverity, findField, templateFields, whenHolds } from '../fields.js';
import { isPlaceholderValue } from '../placeholder-words.js';

export const fieldValue: Rule = {
  name: 'field-value',
  description: 'An incident field has a value the template does not list (a Severity of “SEV5”, a Status of “Done” where Final is meant).',
  defaultSeverity: 'warning',
  fixable: true,
  check({ postmortem, template, text, report }) {
    const severity = documentSeverity(postmortem, template);
    for (const field of templateFields(template)) {
      if (!field.values?.length || !whenHolds(field.when, severity)) continue;
      const written = findField(postmortem, field);
      // An empty or placeholder value is not written yet: placeholder-text says so.
      if (!written || written.value.trim() === '' || isPlaceholderValue(written.value, field.values)) continue;
      if (canonicalValue(field, written.value) !== undefined) continue;
      const suggestion = closestValue(field, written.value);
      const raw = text.slice(written.valueRange.start, written.valueRange.end);
      // Replace only the part that names the value, keeping emphasis and a note like "(System Down)".
      const head = raw.split(/\s[([]|\s[-–—|]\s|[;,]/)[0];
      const lead = /^[*_`~]*/.exec(head)![0].length;
      const trail = /[*_`~]*$/.exec(head.slice(lead))![0].length;
      const start = written.valueRange.start + lead;
      const end = written.valueRange.start + head.length - trail;
      const allowed = field.values.join(', ');
      report({
        range: { start, end: Math.max(start, end) },
        message: suggestion
          ? `${field.name} ${quote(text.slice(start, end))} is not one of ${allowed}: did you mean ${quote(suggestion)}?`
          : `${field.name} ${quote(text.slice(start, end))} is not one of ${allowed}.`,
        fixes: suggestion
          ? [{ title: `Change to ${suggestion}`, isPreferred: true, edits: [{ start, end, newText: suggestion }] }]
          : field.values.map((value) => ({ title: `Change to ${value}`, fixAll: false, edits: [{ start, end, newText: value }] })),
      });
    }
  },
};
