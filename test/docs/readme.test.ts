// README.md is documentation of the code, so it is checked against the code: the CLI's own
// --help, the JSON it prints, and the settings and commands package.json contributes.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCliArgs } from '../../server/src/cli/args.js';

const ROOT = join(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

function cli(...args: string[]): string {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/postmortem-lint.cjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.stdout;
}

/** The text of a `## ` section, up to the next `## ` heading. */
function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`);
  expect(start, `README has a "## ${heading}" section`).toBeGreaterThanOrEqual(0);
  const next = README.indexOf('\n## ', start + 1);
  return README.slice(start, next < 0 ? undefined : next);
}

/** Rows of the Markdown table whose header row starts with `| first |`, cells trimmed. */
function tableRows(text: string, first: string): string[][] {
  const lines = text.split('\n');
  const header = lines.findIndex((line) => line.startsWith(`| ${first} |`));
  expect(header, `a table headed "${first}"`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim()));
  }
  return rows;
}

describe('README.md', () => {
  it('has each heading once', () => {
    for (const level of ['## ', '### ']) {
      const headings = README.split('\n').filter((line) => line.startsWith(level));
      expect(headings.length).toBeGreaterThan(0);
      expect(headings.filter((h, i) => headings.indexOf(h) !== i), `repeated ${level}headings`).toEqual([]);
    }
  });

  it('starts with the commands that set up and test a clone', () => {
    expect(README.split('\n').slice(0, 6).join('\n')).toMatch(/npm ci && npm start[^\n]*\nnpm test/);
  });

  it('documents every option of postmortem-lint --help, and only options the CLI takes', () => {
    const helpFlags = cli('--help').match(/(?<![\w-])--?[a-z][a-z-]*/g)!;
    expect(helpFlags).toContain('--max-file-size-kb');
    const rows = tableRows(section('CLI: `postmortem-lint`'), 'Option');
    const documented = rows.flatMap((row) => row[0].match(/(?<![\w-])--?[a-z][a-z-]*/g) ?? []);
    for (const flag of helpFlags) expect(documented, flag).toContain(flag);
    // The short forms --help leaves out: each must be one the argument parser accepts.
    for (const row of rows) {
      const [flag, value] = row[0].replace(/`/g, '').split(', ').at(-1)!.split(' ');
      for (const alias of row[0].match(/(?<![\w-])-[a-z]\b/g) ?? []) {
        const args = value ? [alias, value.split('\\|')[0].replace(/^[A-Z]+$/, '1')] : [alias];
        expect(() => parseCliArgs(args), `${alias} (${flag})`).not.toThrow();
        expect(parseCliArgs(args), `${alias} means ${flag}`).toEqual(parseCliArgs([flag, ...args.slice(1)]));
      }
    }
  });

  it('documents every output format --help lists', () => {
    const formats = /--format ([a-z|]+)/.exec(cli('--help'))![1].split('|');
    expect(formats).toContain('html');
    const cliSection = section('CLI: `postmortem-lint`');
    for (const format of formats) expect(cliSection, format).toMatch(new RegExp(`^- \`${format}\` `, 'm'));
  });

  it('shows every field of the JSON output in its JSON shape', () => {
    const results = JSON.parse(cli('--format', 'json', 'examples/problems-postmortem.md'));
    const keys = new Set<string>();
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) keys.add(key), walk(inner);
    };
    walk(results);
    expect(keys).toContain('metrics');
    const shape = /```jsonc\n(\[\{[\s\S]*?)```/.exec(section('CLI: `postmortem-lint`'))![1];
    const shown = new Set([...shape.matchAll(/"(\w+)":/g)].map((m) => m[1]));
    expect([...shown].sort()).toEqual([...keys].sort());
  });

  it('lists every setting package.json contributes, with its default', () => {
    const properties: Record<string, { default: unknown }> = manifest.contributes.configuration.properties;
    const rows = tableRows(section('VS Code extension'), 'Setting');
    const documented = Object.fromEntries(rows.map(([name, value]) => [name.replace(/`/g, ''), JSON.parse(value.replace(/^`|`$/g, ''))]));
    expect(Object.keys(documented).sort()).toEqual(Object.keys(properties).sort());
    for (const [name, property] of Object.entries(properties)) expect(documented[name], name).toEqual(property.default);
  });

  it('lists every command package.json contributes', () => {
    const table = tableRows(section('VS Code extension'), 'Command').map((row) => row[0]).join(', ');
    const preview = section('Preview');
    for (const command of manifest.contributes.commands as { title: string }[]) {
      expect(`${table}\n${preview}`, command.title).toContain(command.title);
    }
  });
});
