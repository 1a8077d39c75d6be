import type { Postmortem, TemplateField, TextEdit } from '../types.js';
import type { Rule } from './rule.js';
import { documentAnchor, quote } from './rule.js';
import { parseFrontMatterYaml } from '../parse/metadata.js';
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
  // Fields kept in front matter only: the new one goes there too, if it will read there.
  const intoFrontMatter = lines.length === 0 && written.some((w) => w.source === 'front matter') ? frontMatterInsert(postmortem, field, eol) : undefined;
  if (intoFrontMatter) return intoFrontMatter;
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

/** Past this, checking the new YAML costs more than a keystroke should: the field goes on its own line instead. */
const CHECKED_FRONT_MATTER_LIMIT = 16 * 1024;

/**
 * `severity: ` as the front matter's last line, when the YAML then reads that key. A `...` end
 * marker, flow style or a broken block would leave it unread, and the fix would not fix.
 */
function frontMatterInsert(postmortem: Postmortem, field: TemplateField, eol: string): TextEdit | undefined {
  const { text, frontMatter } = postmortem;
  if (!frontMatter?.data || frontMatter.error || frontMatter.range.end - frontMatter.range.start > CHECKED_FRONT_MATTER_LIMIT) return undefined;
  // The range ends right after the closing ---, so `close` and `at` are both the start of that line.
  // Stryker disable next-line StringLiteral: lastIndexOf('') is the range end, on the same line
  const close = text.lastIndexOf('---', frontMatter.range.end);
  // Stryker disable next-line StringLiteral,ArithmeticOperator: the closing line holds no line break
  const at = text.lastIndexOf('\n', close - 1) + 1;
  const bodyStart = text.indexOf('\n', frontMatter.range.start) + 1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: defensive; the parser's front matter always closes on a later line
  if (close <= frontMatter.range.start || at < bodyStart) return undefined;
  const key = field.name.toLowerCase();
  const line = `${key}: ${eol}`;
  try {
    const data = parseFrontMatterYaml(text.slice(bodyStart, at) + line);
    const reads = data !== null && typeof data === 'object' && !Array.isArray(data) && Object.entries(data).some(([k, v]) => k.toLowerCase() === key && v === null);
    return reads ? { start: at, end: at, newText: line } : undefined;
    // Stryker disable next-line BlockStatement: without the return the function ends and returns undefined too
  } catch {
    return undefined;
  }
}
