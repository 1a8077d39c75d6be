import type { Postmortem, TemplateField, TextEdit } from '../types.js';
import type { Rule } from './rule.js';
import { documentAnchor, quote } from './rule.js';
import { documentSeverity, findField, templateFields, whenHolds } from '../fields.js';

export const missingField: Rule = {
  name: 'missing-field',
  description: 'An incident field the template requires (Severity, Status, Date, Authors…) is not written near the top or in the front matter.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ postmortem, template, report }) {
    const severity = documentSeverity(postmortem, template);
    const fields = templateFields(template);
    for (const field of fields) {
      if (!whenHolds(field.when, severity) || findField(postmortem, field)) continue;
      const values = field.values?.length ? ` (one of ${field.values.join(', ')})` : '';
      report({
        range: documentAnchor(postmortem),
        message: `Missing incident field ${quote(field.name)}${values}: add the line “${field.name}: …” in bold under the title, or the key ${field.name.toLowerCase()} in the front matter (quick fix).`,
        // The author must write the value: a quick fix that leaves the cursor there, not a Fix All step.
        fixes: [{ title: `Add the ${field.name} field`, isPreferred: true, fixAll: false, edits: [insertField(postmortem, fields, field)] }],
      });
    }
  },
};

/** `**Severity:** ` after the fields written before it in the template's order, else after the Duration or title. */
function insertField(postmortem: Postmortem, fields: TemplateField[], field: TemplateField): TextEdit {
  const text = postmortem.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const written = postmortem.metadata.fields ?? [];
  const lines = written.filter((w) => w.source === 'line');
  // Fields kept in front matter only: the new one goes there too.
  if (lines.length === 0 && written.some((w) => w.source === 'front matter') && postmortem.frontMatter) {
    const close = text.lastIndexOf('---', postmortem.frontMatter.range.end);
    const at = text.lastIndexOf('\n', close - 1) + 1;
    return { start: at, end: at, newText: `${field.name.toLowerCase()}: ${eol}` };
  }
  const before = fields.slice(0, fields.indexOf(field)).map((f) => findField(postmortem, f)).filter((w) => w?.source === 'line');
  const after = before.at(-1) ?? written.find((w) => w.key === 'duration' && w.source === 'line');
  if (after) return { start: after.range.end, end: after.range.end, newText: `${eol}**${field.name}:** ` };
  const title = postmortem.title && postmortem.title.range.start !== postmortem.frontMatter?.range.start ? postmortem.title.range : undefined;
  const at = title?.end ?? postmortem.frontMatter?.range.end ?? 0;
  if (at === 0) return { start: 0, end: 0, newText: `**${field.name}:** ${eol}${eol}` };
  // Text right on the next line would join the field's paragraph (or, over a setext underline, turn it into a heading).
  const nextLine = /^[^\r\n]*(?:\r\n|\r|\n)([^\r\n]*)/.exec(text.slice(at, at + 500));
  const joinsNext = nextLine !== null && nextLine[1].trim() !== '';
  return { start: at, end: at, newText: `${eol}${eol}**${field.name}:** ${joinsNext ? eol : ''}` };
}
