// `postmortem-lint report`: an index of the incidents, monthly figures and the open action items.
import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_EXCLUDE } from '../core/exclude.js';
import { analyzeTexts, CommandError, type CommandIo, expandOrThrow, loadConfig, readTexts } from './lint-files.js';
import { buildReport } from './report/model.js';
import { CSV_TABLES, formatReportCsv, formatReportHtml, formatReportJson, formatReportMarkdown, linksFrom, REPORT_FORMATS, type CsvTable, type ReportFormat } from './report/format.js';

export const REPORT_USAGE = `Usage: postmortem-lint report [options] <files | dirs | globs>

An index of the incidents (date, title, severity, duration, TTD/TTM/TTR, action items), monthly
figures (count, median and p90 time to resolve) and the open action items (owner, due, overdue).

Options:
  --format md|csv|json|html  Output format (default: md, ready to commit as postmortems/README.md)
  --table incidents|months|actions
                             Which table --format csv prints (default: incidents)
  -o, --output FILE          Write the report to FILE (links are made relative to it)
  --today YYYY-MM-DD         The day overdue is measured against (default: today, UTC)
  --config FILE              Config file (default: the nearest .postmortemrc.json)
  --template NAME|PATH       Template to read the postmortems with
  --exclude GLOB             Leave matching files out (repeatable; replaces the default)
  -h, --help                 Show this help`;

export async function runReport(argv: string[], io: CommandIo, now: () => Date = () => new Date()): Promise<number> {
  let values;
  let inputs: string[];
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'md' },
        table: { type: 'string', default: 'incidents' },
        output: { type: 'string', short: 'o' },
        today: { type: 'string' },
        config: { type: 'string', short: 'c' },
        template: { type: 'string', short: 't' },
        exclude: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    values = parsed.values;
    inputs = parsed.positionals;
    if (!REPORT_FORMATS.includes(values.format as ReportFormat)) throw new CommandError(`Unknown format "${values.format}". Use one of: ${REPORT_FORMATS.join(', ')}.`);
    if (!CSV_TABLES.includes(values.table as CsvTable)) throw new CommandError(`Unknown table "${values.table}". Use one of: ${CSV_TABLES.join(', ')}.`);
    if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new CommandError(`--today needs a date like 2024-06-01, got "${values.today}".`);
    if (!values.help && inputs.length === 0) throw new CommandError('no files given.');
  } catch (error) {
    io.stderr(`postmortem-lint report: ${(error as Error).message}\n\n${REPORT_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(REPORT_USAGE + '\n');
    return 0;
  }
  try {
    const config = loadConfig({ cwd: io.cwd, config: values.config, template: values.template, stderr: io.stderr });
    const files = await expandOrThrow(inputs, { cwd: io.cwd, exclude: values.exclude ?? DEFAULT_EXCLUDE });
    const linted = analyzeTexts(readTexts(files, io), config, { template: config.resolved.template, rules: config.resolved.rules }, io.cwd);
    const today = values.today ? new Date(`${values.today}T00:00:00Z`) : now();
    if (Number.isNaN(today.getTime())) throw new CommandError(`--today is not a date: "${values.today}".`);
    const report = buildReport(linted, today);
    const output = values.output === undefined ? undefined : resolve(io.cwd, values.output);
    const links = linksFrom(output && dirname(output), io.cwd, relative);
    const format = values.format as ReportFormat;
    const text =
      format === 'json' ? formatReportJson(report)
      : format === 'csv' ? formatReportCsv(report, values.table as CsvTable)
      : format === 'html' ? formatReportHtml(report, links)
      : formatReportMarkdown(report, links);
    if (output) writeFileSync(output, text);
    else io.stdout(text);
    return 0;
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    io.stderr(`postmortem-lint report: ${error.message}\n`);
    return 2;
  }
}
