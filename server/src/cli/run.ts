import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { frontMatterTemplate, resolveConfig, type Analysis, type AnalyzeOptions } from '../core/index.js';
import { checkFiles, type FileToCheck } from './check-files.js';
import { readConfigFile, fileTemplateHost } from '../node/config-files.js';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './args.js';
import { expandInputs, STDIN } from './files.js';
import { formatText } from './format-text.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { formatHtml } from './format-html.js';
import { formatJunit } from './format-junit.js';
import { formatGitlab } from './format-gitlab.js';
import { formatGithub } from './format-github.js';
import { reportProblems } from '../core/summary.js';
import type { FileResult } from './file-result.js';
import { runReport } from './report-command.js';
import { runInit } from './init-command.js';

export type { FileResult } from './file-result.js';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  version: string;
  /** The analysis worker bundle, when not dist/analysis-worker.cjs beside the CLI bundle. */
  workerFile?: string | URL;
}

/** Looks at the first bytes the way git does: a NUL means it is not text. */
function isBinary(buffer: Buffer): boolean {
  return buffer.subarray(0, 8000).includes(0);
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  // Subcommands first: `postmortem-lint ./report` still lints a file named report.
  if (argv[0] === 'report') return runReport(argv.slice(1), io);
  if (argv[0] === 'init') return runInit(argv.slice(1), io);
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`postmortem-lint: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (options.version) {
    io.stdout(io.version + '\n');
    return 0;
  }
  if (options.inputs.length === 0) {
    io.stderr(`postmortem-lint: no files given.\n\n${USAGE}\n`);
    return 2;
  }

  const { path: configPath, text: configText, error: configError } = readConfigFile(io.cwd, { explicit: options.config });
  if (configError !== undefined) {
    io.stderr(`postmortem-lint: cannot read config file ${options.config ?? configPath}.\n`);
    return 2;
  }
  const configDir = configPath ? dirname(configPath) : io.cwd;
  const resolved = resolveConfig(configText, fileTemplateHost(configDir), { template: options.template });
  if (resolved.problems.length > 0 && configPath && configText !== undefined) {
    const shown = relative(io.cwd, configPath) || configPath;
    for (const p of reportProblems(configText, resolved.problems.map((c) => ({ ...c, rule: 'config', fixes: [] })))) {
      io.stderr(`${shown}:${p.line}:${p.column}  ${p.severity}  ${p.message}\n`);
    }
    io.stderr('postmortem-lint: the config has errors; fix them to continue.\n');
    return 2;
  }
  if (resolved.problems.length > 0) {
    for (const problem of resolved.problems) io.stderr(`postmortem-lint: ${problem.message}\n`);
    return 2;
  }

  const analyzeOptions: AnalyzeOptions = { template: resolved.template, rules: resolved.rules, maxFileSizeKB: options.maxFileSizeKB };
  const why = new WeakMap<AnalyzeOptions, { name: string; reason: string }>([[analyzeOptions, { name: resolved.templateName, reason: resolved.templateReason ?? '' }]]);
  // The config's "overrides" pick by path, relative to the config file.
  const byPath = configText?.includes('"overrides"') ?? false;
  // Front matter `template:` picks the template per file, over the config and --template.
  const perTemplate = new Map<string, AnalyzeOptions>();
  const optionsFor = (text: string, file: string): AnalyzeOptions => {
    const name = frontMatterTemplate(text);
    const filePath = byPath && file !== '<stdin>' ? relative(configDir, resolve(io.cwd, file)).split('\\').join('/') : undefined;
    if (name === undefined && filePath === undefined) return analyzeOptions;
    const key = JSON.stringify([name ?? null, filePath ?? null]);
    let chosen = perTemplate.get(key);
    if (!chosen) {
      const forFile = resolveConfig(configText, fileTemplateHost(configDir, io.cwd), { template: options.template, documentTemplate: name, filePath });
      const own = forFile.templateSource === 'document' || forFile.templateSource === 'override' || filePath !== undefined;
      chosen = own && forFile.problems.every((p) => p.severity !== 'error' || p.origin === 'document') ? { ...analyzeOptions, template: forFile.template, rules: forFile.rules } : analyzeOptions;
      if (chosen !== analyzeOptions) why.set(chosen, { name: forFile.templateName, reason: forFile.templateReason ?? '' });
      perTemplate.set(key, chosen);
      for (const problem of forFile.problems) {
        if (problem.origin === 'document') io.stderr(`postmortem-lint: ${file}: ${problem.message}\n`);
        else if (problem.severity === 'error') io.stderr(`postmortem-lint: ${file}: the config's override does not apply: ${problem.message}\n`);
      }
    }
    return chosen;
  };
  const { files, missing } = await expandInputs(options.inputs, io.cwd, options.exclude);
  for (const input of missing) io.stderr(`postmortem-lint: no such file or no match: ${input}\n`);
  if (missing.length > 0) return 2;

  // path: where --fix writes; template: which template applied and why (JSON's `template`).
  const toCheck: (FileToCheck & { path?: string; template?: { name: string; reason: string } })[] = [];
  for (const file of files) {
    let text: string;
    if (file === STDIN) text = await io.readStdin();
    else {
      const buffer = readFileSync(resolve(io.cwd, file));
      if (isBinary(buffer)) {
        io.stderr(`postmortem-lint: ${file}: skipped, this looks like a binary file, not Markdown.\n`);
        continue;
      }
      text = buffer.toString('utf8');
    }
    const name = file === STDIN ? '<stdin>' : file;
    const fileOptions = optionsFor(text, name);
    toCheck.push({ name, text, options: file === STDIN ? fileOptions : { ...fileOptions, fileName: file }, fix: options.fix && file !== STDIN, path: file === STDIN ? undefined : file, template: why.get(fileOptions) });
  }
  // On worker threads (--jobs), each file under the --timeout-ms budget; in the order of the files.
  const checked = await checkFiles(toCheck, { jobs: options.jobs, timeoutMs: options.timeoutMs, wantAnalysis: options.format === 'html', workerFile: io.workerFile });
  const results: FileResult[] = [];
  const analysed: { file: string; text: string; analysis: Analysis }[] = [];
  for (const [i, file] of checked.entries()) {
    const path = toCheck[i].path;
    if (file.fixed && path !== undefined) writeFileSync(resolve(io.cwd, path), file.text);
    results.push({ file: file.name, ...file.report, template: toCheck[i].template });
    if (options.format === 'html' && file.analysis) analysed.push({ file: file.name, text: file.text, analysis: file.analysis });
  }

  if (options.format === 'json') io.stdout(formatJson(results));
  else if (options.format === 'sarif') io.stdout(formatSarif(results, io.version));
  else if (options.format === 'html') io.stdout(formatHtml(analysed));
  else if (options.format === 'junit') io.stdout(formatJunit(results));
  else if (options.format === 'gitlab') io.stdout(formatGitlab(results));
  else if (options.format === 'github') io.stdout(formatGithub(results));
  else io.stdout(formatText(results));

  const all = results.flatMap((result) => result.problems);
  const errors = all.filter((p) => p.severity === 'error').length;
  const warnings = all.filter((p) => p.severity === 'warning').length;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr(`postmortem-lint: ${warnings} warning(s), more than --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}
