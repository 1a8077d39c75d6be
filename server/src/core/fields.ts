// Incident fields (Severity, Status, Date, Authors) as the template asks for them, where the
// document writes them, and the conditions (`when: { severity }`) that depend on them.
import type { Postmortem, Template, TemplateField, When, WrittenField } from './types.js';
import { closest } from './config/suggest.js';

/** The template's fields, each as an object. */
export function templateFields(template: Template): TemplateField[] {
  return (template.fields ?? []).map((field) => (typeof field === 'string' ? { name: field } : field));
}

const keysOf = (field: TemplateField) => [field.name, ...(field.aliases ?? [])].map((key) => key.toLowerCase());

/** Where the document writes a field, if it does. */
export function findField(postmortem: Postmortem, field: TemplateField): WrittenField | undefined {
  const keys = keysOf(field);
  return postmortem.metadata.fields?.find((written) => keys.includes(written.key));
}

/**
 * The part of a value that names it: `SEV-2 (System Down)` names SEV-2, `**Final**` names Final.
 * Compared without case, spaces, hyphens or underscores, so SEV2, sev-2 and Sev 2 are SEV-2.
 */
export function valueKey(value: string): string {
  const plain = value.replace(/[*_`~]/g, '').split(/\s[([]|\s[-–—|]\s|[;,]/)[0];
  return plain.toLowerCase().replace(/[\s_-]+/g, '');
}

/** The template's spelling of a written value, or undefined when it lists no such value. */
export function canonicalValue(field: TemplateField, value: string): string | undefined {
  const key = valueKey(value);
  return field.values?.find((allowed) => valueKey(allowed) === key);
}

/** The listed value a wrong one most likely meant. */
export function closestValue(field: TemplateField, value: string): string | undefined {
  const values = field.values ?? [];
  const byKey = new Map(values.map((v) => [valueKey(v), v]));
  const match = closest(valueKey(value), [...byKey.keys()]);
  return match === undefined ? undefined : byKey.get(match);
}

const SEVERITY: TemplateField = { name: 'Severity', aliases: ['Sev', 'Incident Severity', 'Severity Level'] };

/** The document's severity, spelled as the template's Severity field lists it when it does. */
export function documentSeverity(postmortem: Postmortem, template: Template): string | undefined {
  const declared = templateFields(template).find((f) => f.name.toLowerCase() === 'severity');
  const field = declared ? { ...SEVERITY, ...declared, aliases: [...(declared.aliases ?? []), ...(SEVERITY.aliases ?? [])] } : SEVERITY;
  const written = findField(postmortem, field);
  if (!written || written.value.trim() === '') return undefined;
  return canonicalValue(field, written.value) ?? written.value.trim();
}

/** Whether a condition holds: no condition always does; a severity condition needs a severity it names. */
export function whenHolds(when: When | undefined, severity: string | undefined): boolean {
  if (!when) return true;
  if (severity === undefined) return false;
  const key = valueKey(severity);
  return when.severity.some((allowed) => valueKey(allowed) === key);
}
