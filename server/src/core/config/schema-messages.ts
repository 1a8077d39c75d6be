// Turns ajv errors into sentences a person can act on, and says where they point.
import type { ErrorObject } from 'ajv';
import { pointerSegments } from './json-location.js';
import { didYouMean } from './suggest.js';
import { CONFIG_RULE_NAMES } from './validate.js';

const SEVERITIES = ['error', 'warning', 'info', 'off'];

/** Where in the instance an error belongs: a value, or a key inside an object. */
export function errorTarget(err: ErrorObject): { pointer: string; key?: string } {
  const params = err.params as Record<string, unknown>;
  if (err.keyword === 'additionalProperties') return { pointer: err.instancePath, key: String(params.additionalProperty) };
  if (err.propertyName !== undefined) return { pointer: err.instancePath, key: err.propertyName };
  if (err.keyword === 'propertyNames') return { pointer: err.instancePath, key: String(params.propertyName) };
  if (err.keyword === 'uniqueItems') {
    return { pointer: `${err.instancePath}/${Math.max(Number(params.i), Number(params.j))}` };
  }
  return { pointer: err.instancePath };
}

/** `"rules"."timeline-order"`, `"sections"[2]."level"`. */
export function displayPath(segments: readonly string[]): string {
  return segments.map((s, i) => (/^\d+$/.test(s) && i > 0 ? `[${s}]` : `${i > 0 ? '.' : ''}"${s}"`)).join('');
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

export function describeSchemaError(err: ErrorObject, subject: 'config' | 'template'): string {
  const segments = pointerSegments(err.instancePath);
  const params = err.params as Record<string, unknown>;
  const parentSchema = (err.parentSchema ?? {}) as Record<string, unknown>;
  const what = segments.length === 0 ? `The ${subject}` : displayPath(segments);
  const isSeverity = subject === 'config' && segments.length === 2 && segments[0] === 'rules';

  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      if (subject === 'config' && err.instancePath === '/rules') {
        return `"rules"."${key}" is not a known rule. Known rules: ${CONFIG_RULE_NAMES.join(', ')}.${didYouMean(key, CONFIG_RULE_NAMES)}`;
      }
      const known = Object.keys((parentSchema.properties ?? {}) as object);
      const where = segments.length === 0 ? '' : ` in ${what}`;
      const hint = didYouMean(key, known) || ` Allowed keys: ${known.join(', ')}`;
      return `Unknown key "${key}"${where}.${hint}`;
    }
    case 'enum':
      if (isSeverity) return `Severity must be one of ${SEVERITIES.join(', ')}`;
      return `${what} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'type':
      if (isSeverity) return `Severity must be one of ${SEVERITIES.join(', ')}`;
      return `${what} must be ${TYPE_WORDS[String(params.type)] ?? String(params.type)}`;
    case 'required':
      return `${what} is missing "${String(params.missingProperty)}"`;
    case 'minimum':
    case 'maximum': {
      const { minimum, maximum } = parentSchema;
      if (typeof minimum === 'number' && typeof maximum === 'number') return `${what} must be between ${minimum} and ${maximum}`;
      return `${what} must be ${err.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}`;
    }
    case 'minLength':
      if (err.propertyName !== undefined) return `Keys in ${what} must not be empty`;
      return `${what} must not be empty`;
    case 'minItems':
      return Number(params.limit) === 1 ? `${what} must not be empty` : `${what} must have at least ${String(params.limit)} items`;
    case 'uniqueItems': {
      const list = Array.isArray(err.data) ? err.data : [];
      return `${what} lists ${JSON.stringify(list[Math.max(Number(params.i), Number(params.j))])} twice`;
    }
    default:
      return `${what} ${err.message ?? 'is invalid'}`;
  }
}
