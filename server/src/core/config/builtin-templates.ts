// The templates shipped with the extension, kept as JSON data in schemas/templates/.
import type { Template } from '../types.js';
import atlassian from '../../../../schemas/templates/atlassian.json' with { type: 'json' };
import defaultTemplate from '../../../../schemas/templates/default.json' with { type: 'json' };
import googleSre from '../../../../schemas/templates/google-sre.json' with { type: 'json' };
import pagerduty from '../../../../schemas/templates/pagerduty.json' with { type: 'json' };
import { cloneTemplate } from './merge-template.js';

export const DEFAULT_TEMPLATE_NAME = 'default';

// JSON imports type enum fields as plain strings; the templates test validates them
// against schemas/template.schema.json, which is what makes this cast sound.
const asTemplate = (json: unknown): Template => deepFreeze(cloneTemplate(json as Template));

/** Frozen: share freely, copy (mergeTemplate/cloneTemplate) before changing. */
export const BUILTIN_TEMPLATES: Readonly<Record<string, Template>> = Object.freeze({
  default: asTemplate(defaultTemplate),
  'google-sre': asTemplate(googleSre),
  pagerduty: asTemplate(pagerduty),
  atlassian: asTemplate(atlassian),
});

export const BUILTIN_TEMPLATE_NAMES: readonly string[] = Object.freeze(Object.keys(BUILTIN_TEMPLATES));

export function getBuiltinTemplate(name: string): Template | undefined {
  // hasOwn, so "constructor" or "toString" never resolve to Object.prototype members.
  return Object.hasOwn(BUILTIN_TEMPLATES, name) ? BUILTIN_TEMPLATES[name] : undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
