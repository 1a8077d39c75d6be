// Schema validation with ajv: strict, first error only, no $data and no remote refs,
// so a config can never make the validator fetch or evaluate anything of its own.
import { Ajv, type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv';
import configSchema from '../../../../schemas/config.schema.json' with { type: 'json' };
import templateSchema from '../../../../schemas/template.schema.json' with { type: 'json' };

export { configSchema, templateSchema };

/** The rule names `.postmortemrc.json` accepts under "rules", in schema order. */
export const CONFIG_RULE_NAMES: readonly string[] = Object.freeze(Object.keys(configSchema.properties.rules.properties));

/**
 * Strict schemas, the first error only (allErrors off: no work proportional to how wrong a file
 * is), no $data references, and no loadSchema, so a "$ref" can never be fetched. Exported so a
 * test can hold us to it.
 */
export const AJV_OPTIONS = Object.freeze({ strict: true, allErrors: false, verbose: true, $data: false } as const);

let ajv: Ajv | undefined;
const compiled = new Map<'config' | 'template', ValidateFunction>();

// Compiled on first use, not at import: the server should start without paying for it.
function validator(which: 'config' | 'template'): ValidateFunction {
  let validate = compiled.get(which);
  if (!validate) {
    ajv ??= new Ajv({ ...AJV_OPTIONS });
    validate = ajv.compile((which === 'config' ? configSchema : templateSchema) as AnySchemaObject);
    compiled.set(which, validate);
  }
  return validate;
}

/** The first schema error, or undefined when the value is valid. */
export function validateConfigValue(value: unknown): ErrorObject | undefined {
  const validate = validator('config');
  return validate(value) ? undefined : validate.errors?.[0];
}

export function validateTemplateValue(value: unknown): ErrorObject | undefined {
  const validate = validator('template');
  return validate(value) ? undefined : validate.errors?.[0];
}

/** The options the live ajv instance ended up with (after its defaults), for tests. */
export function ajvInstanceOptions(): Readonly<Record<string, unknown>> {
  validator('config');
  return ajv!.opts as unknown as Record<string, unknown>;
}
