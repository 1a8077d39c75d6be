// Incident fields at the cursor: the names of the template's fields the document has not written
// yet (`**Sev` under the title, or a key being typed in the front matter), and the values a field
// lists after its colon. Written as the document writes its fields: bold lines in the body, keys
// in the front matter.
import type { Postmortem, Range, Template, TemplateField } from '../types.js';
import { documentSeverity, findField, templateFields, whenHolds } from '../fields.js';
import { yamlScalar } from '../skeleton.js';

export interface FieldChoice {
  field: TemplateField;
  /** Required for this document (its `when` holds, or it has none). */
  required: boolean;
  /** What replaces the range: `**Severity:** ` or `severity: `. */
  text: string;
}

export type FieldCompletion =
  /** `range` is the field name typed so far (with its `**`). */
  | { kind: 'field'; range: Range; typed: string; fields: FieldChoice[] }
  /** `range` is the value typed so far after the colon. */
  | { kind: 'value'; range: Range; typed: string; field: string; values: { label: string; text: string }[] };

// `**Sev` (or nothing, on an explicit request) at the start of a line above the first section.
const BODY_NAME = /^(?:(\*\*|__)([A-Za-z][A-Za-z ]{0,30})?)?$/;
// `**Severity:** SEV` or `- **Status**: Dra`, after any other `**Key:** value |` on the line.
const BODY_VALUE = /(?:^[ \t]{0,3}(?:[-*+][ \t]+)?|[ \t]\|[ \t]+)(\*\*|__)([A-Za-z][A-Za-z ]{0,30}?)[ \t]*(:?)\1[ \t]*(:?)[ \t]*([^|]*)$/;
const YAML_NAME = /^([A-Za-z][\w -]{0,30})?$/;
const YAML_VALUE = /^([A-Za-z][\w -]{0,30}?)[ \t]*:[ \t]+(["']?)([^"'#]*)$/;

/** A field name or value to offer at `offset`, whose line so far is `prefix`; undefined elsewhere. */
export function fieldCompletionAt(postmortem: Postmortem, template: Template, offset: number, lineStart: number, prefix: string): FieldCompletion | undefined {
  const fields = templateFields(template);
  if (fields.length === 0) return undefined;
  const frontMatter = postmortem.frontMatter?.range;
  if (frontMatter && offset >= frontMatter.start && offset <= frontMatter.end) {
    return lineStart > frontMatter.start && !/^(?:---|\.\.\.)/.test(postmortem.text.slice(lineStart, lineStart + 3)) ? inFrontMatter(postmortem, template, fields, offset, prefix) : undefined;
  }
  // A field's value wherever its bold key is; a new field's name only where fields are written.
  const value = BODY_VALUE.exec(prefix);
  if (value && (value[3] || value[4])) return valueChoices(fields, value[2], value[5], offset, (v) => v);
  if (!aboveFirstSection(postmortem, lineStart)) return undefined;
  const name = BODY_NAME.exec(prefix);
  if (!name) return undefined;
  const marker = name[1] ?? '**';
  const choices = missingFields(postmortem, template, fields, (field) => `${marker}${field.name}:${marker} `);
  return choices.length ? { kind: 'field', range: { start: lineStart, end: offset }, typed: prefix, fields: choices } : undefined;
}

function inFrontMatter(postmortem: Postmortem, template: Template, fields: TemplateField[], offset: number, prefix: string): FieldCompletion | undefined {
  const value = YAML_VALUE.exec(prefix);
  if (value) return valueChoices(fields, value[1], value[3], offset, (v) => (value[2] ? v : yamlScalar(v)));
  if (!YAML_NAME.test(prefix)) return undefined;
  const choices = missingFields(postmortem, template, fields, (field) => `${field.name.toLowerCase()}: `);
  return choices.length ? { kind: 'field', range: { start: offset - prefix.length, end: offset }, typed: prefix, fields: choices } : undefined;
}

/** The template's fields the document does not write, the required ones first, each in template order. */
function missingFields(postmortem: Postmortem, template: Template, fields: TemplateField[], text: (field: TemplateField) => string): FieldChoice[] {
  const severity = documentSeverity(postmortem, template);
  const choices = fields.filter((field) => !findField(postmortem, field)).map((field) => ({ field, required: whenHolds(field.when, severity), text: text(field) }));
  return [...choices.filter((c) => c.required), ...choices.filter((c) => !c.required)];
}

function valueChoices(fields: TemplateField[], key: string, typed: string, offset: number, write: (value: string) => string): FieldCompletion | undefined {
  const wanted = key.trim().toLowerCase();
  const field = fields.find((f) => [f.name, ...(f.aliases ?? [])].some((k) => k.toLowerCase() === wanted));
  if (!field?.values?.length) return undefined;
  return { kind: 'value', range: { start: offset - typed.length, end: offset }, typed, field: field.name, values: field.values.map((v) => ({ label: v, text: write(v) })) };
}

/** Fields live under the title, before the first section (a document without a title: before any heading). */
function aboveFirstSection(postmortem: Postmortem, lineStart: number): boolean {
  const title = postmortem.title?.range.start;
  return !postmortem.allSections.some((section) => section.headingRange.start < lineStart && section.headingRange.start !== title);
}
