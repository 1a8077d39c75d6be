// Turns `.postmortemrc.json` text (plus editor-setting overrides) into the template and
// rule severities the engine uses. Pure: file access goes through ConfigHost. Never throws.
import type { Node } from 'jsonc-parser';
import picomatch from 'picomatch';
import type { Range, SeveritySetting, Template, TimelineSettings } from '../types.js';
import { DEFAULT_TEMPLATE_NAME, getBuiltinTemplate } from './builtin-templates.js';
import type { ConfigHost, ConfigOverrides, ConfigProblem, FileOverride, ResolvedConfig, SectionOverride } from './config-types.js';
import { keyNodeAt, nodeRange, rangeAtPointer } from './json-location.js';
import { loadTemplate, type TemplateLoad } from './load-template.js';
import { cloneTemplate, findTemplateSection, mergeTemplate } from './merge-template.js';
import { MAX_TEXT_LENGTH, readJson } from './parse-json.js';
import { describeSchemaError, errorTarget } from './schema-messages.js';
import { didYouMean } from './suggest.js';
import { checkTemplate } from './template-check.js';
import { CONFIG_RULE_NAMES, validateConfigValue } from './validate.js';

export type { ConfigHost, ConfigOverrides, ConfigProblem, FileOverride, ResolvedConfig, SectionOverride, TemplateOverrides } from './config-types.js';
export { mergeTemplate } from './merge-template.js';
export { frontMatterTemplate } from './front-matter-template.js';
export { CONFIG_RULE_NAMES } from './validate.js';

/** `.postmortemrc.json` after validation. */
interface FileConfig {
  template?: string;
  sections?: Record<string, SectionOverride>;
  tags?: string[];
  timeline?: Partial<TimelineSettings>;
  rules?: Record<string, SeveritySetting>;
  overrides?: FileOverride[];
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];
const START: Range = { start: 0, end: 0 };

export function resolveConfig(
  configText: string | undefined,
  host: ConfigHost = {},
  overrides: ConfigOverrides = {},
): ResolvedConfig {
  try {
    return resolve(configText, host ?? {}, overrides ?? {});
  } catch (e) {
    // Defensive only: every known failure is reported as a problem before this point.
    const message = `Could not apply the config: ${e instanceof Error ? e.message : String(e)}`;
    return { ...defaults(), problems: [{ message, range: START, severity: 'error' }] };
  }
}

function defaults(): Omit<ResolvedConfig, 'problems'> {
  return { template: defaultTemplate(), templateName: DEFAULT_TEMPLATE_NAME, templateSource: 'default', templateReason: REASON_DEFAULT, rules: {} };
}

function defaultTemplate(): Template {
  return cloneTemplate(getBuiltinTemplate(DEFAULT_TEMPLATE_NAME) as Template);
}

type TemplateSource = ResolvedConfig['templateSource'];
const REASON_DEFAULT = 'the built-in default';

/** The config's overrides whose "files" match the document, in file order (later ones win). */
function matchingOverrides(file: FileConfig | undefined, filePath: string | undefined): { override: FileOverride; index: number }[] {
  if (!file?.overrides || filePath === undefined) return [];
  const path = filePath.replace(/\\/g, '/').replace(/^\.\//, '');
  return file.overrides.flatMap((override, index) => (picomatch(override.files, { dot: true })(path) ? [{ override, index }] : []));
}

function resolve(configText: string | undefined, host: ConfigHost, overrides: ConfigOverrides): ResolvedConfig {
  const problems: ConfigProblem[] = [];
  const settingsRules = readSettingsRules(overrides.rules, problems);
  const file = readConfigFile(configText, problems);

  const settingsTemplate = typeof overrides.template === 'string' && overrides.template.trim() !== '' ? overrides.template.trim() : undefined;
  if (overrides.template !== undefined && typeof overrides.template !== 'string') {
    problems.push(settingsProblem('Setting "template" must be a string'));
  }
  const matched = matchingOverrides(file?.value, overrides.filePath);
  const byOverride = matched.filter((m) => m.override.template !== undefined).at(-1);
  // An override names these files: it is more specific than the editor setting and the file's own "template".
  const fileTemplate = byOverride?.override.template ?? file?.value.template;
  const configured = byOverride ? 'override' : settingsTemplate !== undefined ? 'settings' : fileTemplate !== undefined ? 'file' : 'default';

  let source: TemplateSource = configured;
  let templateRef = byOverride ? fileTemplate! : (settingsTemplate ?? fileTemplate ?? DEFAULT_TEMPLATE_NAME);
  const reasons: Record<TemplateSource, () => string> = {
    document: () => `front matter template: ${templateRef}`,
    override: () => `.postmortemrc.json overrides[${byOverride!.index}] (files: ${byOverride!.override.files.join(', ')})`,
    settings: () => 'the postmortem.template setting (or --template)',
    file: () => '.postmortemrc.json "template"',
    default: () => REASON_DEFAULT,
  };
  let loaded: TemplateLoad | undefined;
  const documentTemplate = typeof overrides.documentTemplate === 'string' ? overrides.documentTemplate.trim() : '';
  if (documentTemplate !== '') {
    // Paths in front matter are relative to the workspace folder, like the setting's.
    const fromDocument = loadTemplate(documentTemplate, 'settings', host);
    if (fromDocument.template) {
      source = 'document';
      templateRef = documentTemplate;
      loaded = fromDocument;
    } else {
      const fallback = configured === 'default' ? `the built-in "${DEFAULT_TEMPLATE_NAME}"` : `"${templateRef}"`;
      problems.push({ message: `Front matter template: ${fromDocument.error.replace(/([^.?!])$/, '$1.')} Checking against ${fallback} instead.`, range: START, severity: 'warning', origin: 'document' });
    }
  }
  if (!loaded) {
    loaded = loadTemplate(templateRef, configured === 'settings' ? 'settings' : 'file', host);
    if (loaded.error !== undefined) {
      if (configured === 'settings') problems.push(settingsProblem(loaded.error));
      else problems.push({ message: loaded.error, range: rangeAtPointer(file!.root, byOverride ? `/overrides/${byOverride.index}/template` : '/template'), severity: 'error' });
    }
  }

  let template = loaded.template ? cloneTemplate(loaded.template) : defaultTemplate();
  const templateName = loaded.template ? templateRef : DEFAULT_TEMPLATE_NAME;
  const templateSource: TemplateSource = loaded.template ? source : 'default';
  const fileRules = Object.assign({}, file?.value.rules ?? {}, ...matched.map((m) => m.override.rules ?? {})) as Record<string, SeveritySetting>;
  const templateReason = loaded.template ? reasons[source]() : REASON_DEFAULT;
  // The file's section/tag/timeline changes are written for the template it names: they apply to
  // that one (or to any, when it names none), never to another a document picked, nor to a
  // fallback after its template failed to load. Its rules always apply.
  const fileFitsTemplate = file?.value.template === undefined || (source !== 'document' && source !== 'override') || file.value.template === templateRef;
  if (file && loaded.template && fileFitsTemplate) {
    const merged = mergeTemplate(template, file.value);
    const issue = checkTemplate(merged);
    if (issue) {
      // The file as a whole is invalid: as if there were none, like a schema error.
      problems.push({ message: issue.message, range: sectionRange(file, merged, issue.sections), severity: 'error' });
      if (source !== 'file') return { template, templateName, templateSource, templateReason, rules: { ...settingsRules }, problems };
      return { template: defaultTemplate(), templateName: DEFAULT_TEMPLATE_NAME, templateSource: 'default', templateReason: REASON_DEFAULT, rules: { ...settingsRules }, problems };
    }
    template = merged;
  }
  return { template, templateName, templateSource, templateReason, rules: { ...fileRules, ...settingsRules }, problems };
}

/** The validated file config, or undefined when absent or invalid (problems say why). */
function readConfigFile(text: string | undefined, problems: ConfigProblem[]): { value: FileConfig; root: Node } | undefined {
  if (text === undefined) return undefined;
  if (text.length > MAX_TEXT_LENGTH) {
    problems.push({ message: 'Config file is larger than 1 MB; ignored', range: START, severity: 'error' });
    return undefined;
  }
  const read = readJson(text);
  problems.push(...read.problems);
  if (read.problems.some((p) => p.severity === 'error')) return undefined;
  if (!read.root) return undefined; // empty file: same as no settings
  const error = validateConfigValue(read.value);
  if (error) {
    const target = errorTarget(error);
    problems.push({ message: describeSchemaError(error, 'config'), range: rangeAtPointer(read.root, target.pointer, target.key), severity: 'error' });
    return undefined;
  }
  return { value: read.value as FileConfig, root: read.root };
}

/** Settings are untyped at runtime: keep only known rules with valid severities. */
function readSettingsRules(rules: unknown, problems: ConfigProblem[]): Record<string, SeveritySetting> {
  const result: Record<string, SeveritySetting> = {};
  if (rules === undefined || rules === null) return result;
  if (typeof rules !== 'object' || Array.isArray(rules)) {
    problems.push(settingsProblem('Setting "rules" must be an object'));
    return result;
  }
  for (const [name, severity] of Object.entries(rules)) {
    if (!CONFIG_RULE_NAMES.includes(name)) {
      problems.push(settingsProblem(`Setting "rules": "${name}" is not a known rule.${didYouMean(name, CONFIG_RULE_NAMES)}`));
    } else if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
      problems.push(settingsProblem(`Setting "rules"."${name}": severity must be one of ${SEVERITIES.join(', ')}`));
    } else {
      Object.defineProperty(result, name, { value: severity, enumerable: true, writable: true, configurable: true });
    }
  }
  return result;
}

function settingsProblem(message: string): ConfigProblem {
  return { message, range: START, severity: 'error', origin: 'settings' };
}

/** The first "sections" key that changed one of `titles`, else "sections" itself. */
function sectionRange(file: { value: FileConfig; root: Node }, merged: Template, titles: string[]): Range {
  const key = Object.keys(file.value.sections ?? {}).find((k) => {
    const section = findTemplateSection(merged.sections, k);
    return section !== undefined && titles.includes(section.title);
  });
  const keyNode = key === undefined ? undefined : keyNodeAt(file.root, '/sections', key);
  return keyNode ? nodeRange(keyNode) : rangeAtPointer(file.root, '/sections');
}
