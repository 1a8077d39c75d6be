// Resolves a "template" reference: a built-in name, or a relative path read through the host.
import type { Template } from '../types.js';
import { BUILTIN_TEMPLATE_NAMES, getBuiltinTemplate } from './builtin-templates.js';
import type { ConfigHost } from './config-types.js';
import { rangeAtPointer } from './json-location.js';
import { lineColumn, MAX_TEXT_LENGTH, readJson } from './parse-json.js';
import { describeSchemaError, errorTarget } from './schema-messages.js';
import { didYouMean } from './suggest.js';
import { checkTemplate } from './template-check.js';
import { validateTemplateValue } from './validate.js';
import { CONFIG_FILE_NAME } from './config-file-name.js';

export { CONFIG_FILE_NAME };

export type TemplateLoad = { template: Template; error?: undefined } | { template?: undefined; error: string };

export function loadTemplate(ref: string, origin: 'file' | 'settings', host: ConfigHost): TemplateLoad {
  const builtin = getBuiltinTemplate(ref);
  if (builtin) return { template: builtin };

  const isJsonFile = /\.jsonc?$/i.test(ref);
  if (!isJsonFile && !/[\\/]/.test(ref)) {
    const names = BUILTIN_TEMPLATE_NAMES.join(', ');
    return { error: `Unknown template "${ref}". Use one of ${names}, or a relative path to a .json file.${didYouMean(ref, BUILTIN_TEMPLATE_NAMES)}` };
  }
  // Windows drive letters, UNC/root paths, URLs and ~ would escape "relative to the config".
  if (/^([a-z][a-z0-9+.-]*:|[\\/~])/i.test(ref)) {
    const base = origin === 'file' ? 'the config file' : 'the workspace folder';
    return { error: `Template path ${ref} must be relative to ${base}` };
  }
  if (!isJsonFile) return { error: `Template file ${ref} must be a .json file` };
  if (origin === 'file' && isConfigFile(ref)) {
    return { error: `Template ${ref} is this config file; "template" must name a template file` };
  }
  if (!host.readTemplate) return { error: `Template file ${ref} cannot be loaded here` };

  let text: string | undefined;
  try {
    text = host.readTemplate(ref, origin);
  } catch (e) {
    return { error: `Template file ${ref} could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (text === undefined) return { error: `Template file ${ref} not found` };
  return parseTemplate(ref, text);
}

/** Reads template JSON text; `ref` only names it in messages. */
export function parseTemplate(ref: string, text: string): TemplateLoad {
  const invalid = (why: string, offset?: number) => ({
    error: `Template ${ref} is invalid: ${why}${offset === undefined ? '' : ` (${lineColumn(text, offset)})`}`,
  });
  if (text.length > MAX_TEXT_LENGTH) return invalid('it is larger than 1 MB');

  const read = readJson(text);
  const firstError = read.problems.find((p) => p.severity === 'error');
  if (firstError) return invalid(firstError.message, firstError.range.start);

  const value = read.value;
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject || !Object.hasOwn(value, 'sections')) {
    if (isObject && (Object.hasOwn(value, 'rules') || Object.hasOwn(value, 'template'))) {
      return { error: `Template ${ref} is a postmortem config file, not a template` };
    }
    return { error: `Template ${ref} is not a postmortem template: it has no "sections" list` };
  }

  const schemaError = validateTemplateValue(value);
  if (schemaError) {
    const target = errorTarget(schemaError);
    const offset = read.root ? rangeAtPointer(read.root, target.pointer, target.key).start : undefined;
    return invalid(describeSchemaError(schemaError, 'template'), offset);
  }
  const template = value as Template;
  const issue = checkTemplate(template);
  if (issue) return invalid(issue.message);
  return { template };
}

function isConfigFile(ref: string): boolean {
  const parts = ref.split(/[\\/]/).filter((p) => p !== '' && p !== '.');
  return parts.length === 1 && parts[0].toLowerCase() === CONFIG_FILE_NAME;
}
