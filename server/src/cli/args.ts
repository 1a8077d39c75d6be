import { parseArgs } from 'node:util';
import { DEFAULT_EXCLUDE } from '../core/exclude.js';

export type Format = 'text' | 'json' | 'sarif' | 'html' | 'junit' | 'gitlab' | 'github';
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'html', 'junit', 'gitlab', 'github'];

export interface CliOptions {
  format: Format;
  config?: string;
  template?: string;
  fix: boolean;
  maxWarnings?: number;
  maxFileSizeKB?: number;
  /** Globs left out of folders and globs; the default list unless --exclude is given. */
  exclude: string[];
  /** Files checked at a time, each on a worker thread; undefined: one per core. */
  jobs?: number;
  /** The analysis budget per file (see --timeout-ms). */
  timeoutMs: number;
  inputs: string[];
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const DEFAULT_TIMEOUT_MS = 3000;

export const USAGE = `Usage: postmortem-lint [options] <files | dirs | globs | ->

Checks incident postmortems written in Markdown.

Options:
  --format text|json|sarif|html|junit|gitlab|github
                             Output format (default: text); html is the preview page;
                             junit, gitlab (Code Quality) and github (annotations) for CI
  --config FILE              Config file (default: the nearest .postmortemrc.json)
  --template NAME|PATH       Template to check against (overrides the config)
  --fix                      Apply safe fixes to the files in place
  --max-warnings N           Exit 1 when there are more than N warnings
  --max-file-size-kb N       Skip files larger than N KB (default: 2048)
  --exclude GLOB             Leave matching files out of folders and globs (repeatable;
                             replaces the default: README, index and template files)
  --jobs N                   Check N files at a time (default: one per core)
  --timeout-ms N             Stop checking a file that goes N ms without progress
                             (default: 3000); it gets one analysis-timeout problem
  -h, --help                 Show this help
  -v, --version              Show the version

Commands:
  report <files | dirs | globs>
                             An index of incidents, monthly figures, open action items (report --help)
  init [dir]                 Infer the team's template from its postmortems (init --help)

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or config errors.`;

export function parseCliArgs(argv: string[], formats: readonly string[] = FORMATS): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'text' },
        config: { type: 'string', short: 'c' },
        template: { type: 'string', short: 't' },
        fix: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        'max-file-size-kb': { type: 'string' },
        exclude: { type: 'string', multiple: true },
        jobs: { type: 'string' },
        'timeout-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (!formats.includes(values.format!)) throw new UsageError(`Unknown format "${values.format}". Use one of: ${formats.join(', ')}.`);
  return {
    format: values.format as Format,
    config: values.config,
    template: values.template,
    fix: values.fix!,
    maxWarnings: count(values['max-warnings'], '--max-warnings'),
    maxFileSizeKB: count(values['max-file-size-kb'], '--max-file-size-kb'),
    exclude: values.exclude ?? [...DEFAULT_EXCLUDE],
    jobs: positive(count(values.jobs, '--jobs'), '--jobs'),
    timeoutMs: positive(count(values['timeout-ms'], '--timeout-ms'), '--timeout-ms') ?? DEFAULT_TIMEOUT_MS,
    inputs: positionals,
    help: values.help!,
    version: values.version!,
  };
}

function count(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} needs a whole number, got "${value}".`);
  return Number(value);
}

function positive(value: number | undefined, flag: string): number | undefined {
  if (value === 0) throw new UsageError(`${flag} needs a number above 0.`);
  return value;
}
