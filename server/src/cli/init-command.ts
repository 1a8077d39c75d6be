// `postmortem-lint init [dir]`: writes the template the team already follows, so adopting the
// linter on an existing repository starts from its real problems, not a wall of missing sections.
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, resolveConfig, type SeveritySetting, type TemplateSection } from '../core/index.js';
import { validateConfigValue, validateTemplateValue } from '../core/config/validate.js';
import { CONFIG_FILE_NAME } from '../core/config/config-file-name.js';
import { DEFAULT_EXCLUDE } from '../core/exclude.js';
import { analyzeTexts, CommandError, type CommandIo, expandOrThrow, loadConfig, readTexts, type LintedFile } from './lint-files.js';
import { inferTemplate, templateJson } from './init/infer.js';

export const TEMPLATE_FILE_NAME = 'postmortem-template.json';

export const INIT_USAGE = `Usage: postmortem-lint init [options] [dir]

Reads the postmortems under dir (default: the current directory), infers the team's template
(section titles, order, levels, aliases, action-item tags, timeline zone), writes
${CONFIG_FILE_NAME} and ${TEMPLATE_FILE_NAME} into dir and prints the problems before → after.

Options:
  --force                    Overwrite ${CONFIG_FILE_NAME} or ${TEMPLATE_FILE_NAME} if they exist
  --exclude GLOB             Leave matching files out (repeatable; replaces the default)
  -h, --help                 Show this help`;

export async function runInit(argv: string[], io: CommandIo): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { force: { type: 'boolean', default: false }, exclude: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h', default: false } },
    }));
    if (positionals.length > 1) throw new CommandError('init takes one folder.');
  } catch (error) {
    io.stderr(`postmortem-lint init: ${(error as Error).message}\n\n${INIT_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(INIT_USAGE + '\n');
    return 0;
  }
  try {
    const dir = resolve(io.cwd, positionals[0] ?? '.');
    const shown = (path: string) => relative(io.cwd, path) || '.';
    const files = await expandOrThrow([dir], { cwd: io.cwd, exclude: values.exclude ?? DEFAULT_EXCLUDE });
    const texts = readTexts(files, io).map(({ file, text }) => ({ file: relative(dir, file), text }));
    if (texts.length === 0) throw new CommandError(`no Markdown files under ${shown(dir)}.`);

    const current = currentConfig(dir, io);
    const before = analyzeTexts(texts, current, { template: current.resolved.template, rules: current.resolved.rules }, dir);

    const inference = inferTemplate(texts, templateName(dir));
    const template = templateJson(inference.template);
    const rules: Record<string, SeveritySetting> = Object.fromEntries(inference.rulesOff.map((rule) => [rule, 'off' as const]));
    const config = { template: `./${TEMPLATE_FILE_NAME}`, ...(inference.rulesOff.length ? { rules } : {}) };
    const invalid = validateTemplateValue(template) ?? validateConfigValue(config);
    if (invalid) throw new Error(`the inferred template does not validate: ${invalid.instancePath} ${invalid.message}`);
    const after: LintedFile[] = texts.map(({ file, text }) => ({ file, text, analysis: analyze(text, { template: inference.template, rules, fileName: file }) }));

    io.stdout(summary(inference.template.sections, inference.template.tags, inference.template.timeline, texts.length, shown(dir)));
    io.stdout(comparison(before, after));

    const targets = [join(dir, CONFIG_FILE_NAME), join(dir, TEMPLATE_FILE_NAME)];
    const existing = targets.filter((path) => existsSync(path));
    if (existing.length > 0 && !values.force) {
      io.stderr(`postmortem-lint init: ${existing.map(shown).join(' and ')} ${existing.length > 1 ? 'already exist' : 'already exists'}; nothing written. Use --force to overwrite.\n`);
      return 2;
    }
    writeFileSync(targets[1], JSON.stringify(template, null, 2) + '\n');
    writeFileSync(targets[0], JSON.stringify(config, null, 2) + '\n');
    io.stdout(`Wrote ${targets.map(shown).join(' and ')}.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    io.stderr(`postmortem-lint init: ${error.message}\n`);
    return 2;
  }
}

/** The config in force before init; a broken one (init is how it gets replaced) counts as the defaults. */
function currentConfig(dir: string, io: CommandIo): ReturnType<typeof loadConfig> {
  try {
    return loadConfig({ cwd: dir, stderr: io.stderr });
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    io.stderr(`postmortem-lint init: the current config is broken (${error.message}); "before" counts use the default template.\n`);
    return { resolved: resolveConfig(undefined), configDir: dir };
  }
}

function templateName(dir: string): string {
  const base = dir.split(/[\\/]/).filter(Boolean).at(-1) ?? 'team';
  return base.replace(/[^\w.-]+/g, '-') || 'team';
}

function summary(sections: readonly TemplateSection[], tags: readonly string[], timeline: { order: string; defaultTimeZone: string }, files: number, dir: string): string {
  const lines = [`Inferred from ${files} postmortem(s) in ${dir}:`];
  const walk = (list: readonly TemplateSection[], depth: number) => {
    for (const s of list) {
      const notes = [`level ${s.level}`, s.kind && s.kind !== 'text' ? s.kind : '', s.required === false ? 'optional' : '', s.aliases?.length ? `also: ${s.aliases.join(', ')}` : ''].filter(Boolean);
      lines.push(`${'  '.repeat(depth + 1)}${s.title} (${notes.join('; ')})`);
      walk(s.sections ?? [], depth + 1);
    }
  };
  walk(sections, 0);
  lines.push(`  tags: ${tags.join(', ')}`, `  timeline: ${timeline.order}, times without a zone in ${timeline.defaultTimeZone}`, '');
  return lines.join('\n') + '\n';
}

function comparison(before: readonly LintedFile[], after: readonly LintedFile[]): string {
  const byRule = (files: readonly LintedFile[]) => {
    const counts = new Map<string, number>();
    for (const f of files) for (const p of f.analysis.problems) counts.set(p.rule, (counts.get(p.rule) ?? 0) + 1);
    return counts;
  };
  const b = byRule(before);
  const a = byRule(after);
  const total = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
  const change = total(b) === 0 ? '' : ` (${total(a) <= total(b) ? '−' : '+'}${Math.round((Math.abs(total(b) - total(a)) / total(b)) * 100)}%)`;
  const lines = [`Problems: ${total(b)} → ${total(a)}${change}`];
  for (const rule of [...new Set([...b.keys(), ...a.keys()])].sort()) lines.push(`  ${rule}: ${b.get(rule) ?? 0} → ${a.get(rule) ?? 0}`);
  return lines.join('\n') + '\n';
}
