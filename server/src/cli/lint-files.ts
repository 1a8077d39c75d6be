// Config, file expansion and analysis for the subcommands (report, init): the same steps as a
// plain `postmortem-lint` run, returning the analyses instead of printing them.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { analyze, frontMatterTemplate, resolveConfig, type Analysis, type AnalyzeOptions, type ResolvedConfig } from '../core/index.js';
import { readConfigFile, fileTemplateHost } from '../node/config-files.js';
import { DEFAULT_EXCLUDE } from '../core/exclude.js';
import { expandInputs } from './files.js';

export interface LintedFile {
  file: string;
  text: string;
  analysis: Analysis;
}

export interface LoadOptions {
  cwd: string;
  config?: string;
  template?: string;
  exclude?: readonly string[];
  stderr(text: string): void;
}

export class CommandError extends Error {}

/** What a subcommand needs of the CLI's io (run.ts passes its CliIo). */
export interface CommandIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The config for `cwd` (or --config), resolved; throws CommandError with the reason when it is broken. */
export function loadConfig(options: LoadOptions): { resolved: ResolvedConfig; configText?: string; configDir: string; configPath?: string } {
  const { path, text, error } = readConfigFile(options.cwd, { explicit: options.config });
  if (error !== undefined) throw new CommandError(`cannot read config file ${options.config ?? path}.`);
  const configDir = path ? dirname(path) : options.cwd;
  const resolved = resolveConfig(text, fileTemplateHost(configDir), { template: options.template });
  if (resolved.problems.length > 0) {
    const where = path ? `${relative(options.cwd, path) || path}: ` : '';
    throw new CommandError(`${where}${resolved.problems.map((p) => p.message).join('; ')}`);
  }
  return { resolved, configText: text, configDir, configPath: path };
}

/** Text files among `files` (binary ones are skipped with a message). */
export function readTexts(files: readonly string[], options: Pick<LoadOptions, 'cwd' | 'stderr'>): { file: string; text: string }[] {
  const texts: { file: string; text: string }[] = [];
  for (const file of files) {
    const buffer = readFileSync(resolve(options.cwd, file));
    if (buffer.subarray(0, 8000).includes(0)) {
      options.stderr(`postmortem-lint: ${file}: skipped, this looks like a binary file, not Markdown.\n`);
      continue;
    }
    texts.push({ file, text: buffer.toString('utf8') });
  }
  return texts;
}

export async function expandOrThrow(inputs: readonly string[], options: Pick<LoadOptions, 'cwd' | 'exclude'>): Promise<string[]> {
  const { files, missing } = await expandInputs([...inputs], options.cwd, options.exclude ?? DEFAULT_EXCLUDE);
  if (missing.length > 0) throw new CommandError(`no such file or no match: ${missing.join(', ')}`);
  return files.filter((file) => file !== '-');
}

/** Analyses each text with the config's template, or the one its front matter names. */
export function analyzeTexts(texts: readonly { file: string; text: string }[], config: ReturnType<typeof loadConfig>, base: AnalyzeOptions, cwd: string): LintedFile[] {
  const perTemplate = new Map<string, AnalyzeOptions>();
  const optionsFor = (text: string): AnalyzeOptions => {
    const name = frontMatterTemplate(text);
    if (name === undefined) return base;
    let chosen = perTemplate.get(name);
    if (!chosen) {
      const forFile = resolveConfig(config.configText, fileTemplateHost(config.configDir, cwd), { documentTemplate: name });
      chosen = forFile.templateSource === 'document' ? { ...base, template: forFile.template, rules: forFile.rules } : base;
      perTemplate.set(name, chosen);
    }
    return chosen;
  };
  return texts.map(({ file, text }) => ({ file, text, analysis: analyze(text, { ...optionsFor(text), fileName: file }) }));
}
