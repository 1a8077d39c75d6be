// report and init on generated repositories of 200 postmortems, each team with its own template
// (bench/repository.ts): what init infers, how far it brings the problems down, and the report.
import { describe, it, expect, beforeAll, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEAM_STYLES, writeTeamRepository, type TeamSection } from '../../bench/repository.js';
import { validateTemplateValue, validateConfigValue } from '../../server/src/core/config/validate.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/postmortem-lint.cjs');
const FILES = 200;
// Each CLI run analyses 200 files: seconds of CPU, many more on a loaded machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const problemCount = (cwd: string) => (JSON.parse(cli(['--format', 'json', 'postmortems'], cwd).stdout) as { problems: unknown[] }[]).reduce((n, f) => n + f.problems.length, 0);

describe.each(TEAM_STYLES.map((style) => [style.name, style] as const))('init on a repository written to the %s template', (_name, style) => {
  let dir: string;
  let before: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `pm-init-${style.name}-`));
    await writeTeamRepository(dir, style, FILES);
    before = problemCount(dir);
  });

  it('brings the problem count down by at least 80%, with files the schema accepts', () => {
    const { code, stdout } = cli(['init'], dir);
    expect(code).toBe(0);
    const template = JSON.parse(readFileSync(join(dir, 'postmortem-template.json'), 'utf8'));
    const config = JSON.parse(readFileSync(join(dir, '.postmortemrc.json'), 'utf8'));
    expect(validateTemplateValue(template)).toBeUndefined();
    expect(validateConfigValue(config)).toBeUndefined();
    const after = problemCount(dir);
    expect(before).toBeGreaterThan(FILES);
    expect(after).toBeLessThanOrEqual(before * 0.2);
    // What it printed is what the linter now reports.
    expect(stdout).toContain(`Problems: ${before} → ${after} (−`);
  });

  it('infers the titles, order, levels, aliases, tags, timeline and zone the team uses', () => {
    const template = JSON.parse(readFileSync(join(dir, 'postmortem-template.json'), 'utf8'));
    // A variant differing only in case is the same title to the linter: not an alias.
    const aliasesOf = (s: TeamSection) => s.titles.slice(1).filter((t) => t.toLowerCase() !== s.titles[0].toLowerCase());
    const expected = (sections: readonly TeamSection[]): unknown[] =>
      sections.filter((s) => s.presence >= 0.15).map((s) => ({
        title: s.titles[0],
        level: s.level,
        ...(aliasesOf(s).length ? { aliases: aliasesOf(s) } : {}),
        ...(s.kind ? { kind: s.kind } : {}),
        ...(s.children ? { sections: expected(s.children) } : {}),
      }));
    const strip = (sections: { title: string; level: number; aliases?: string[]; kind?: string; sections?: unknown[] }[]): unknown[] =>
      sections.map(({ title, level, aliases, kind, sections: children }) => ({ title, level, ...(aliases?.length ? { aliases } : {}), ...(kind ? { kind } : {}), ...(children ? { sections: strip(children as never) } : {}) }));
    expect(strip(template.sections)).toEqual(expected(style.sections));
    // Rare sections are optional; sections nearly every file has are required.
    for (const section of template.sections) {
      const written = style.sections.find((s) => s.titles[0] === section.title)!;
      expect(section.required !== false, section.title).toBe(written.presence >= 0.8);
    }
    expect([...template.tags].sort()).toEqual([...style.tags].sort());
    expect(template.timeline).toEqual({ order: style.descending ? 'descending' : 'ascending', defaultTimeZone: style.zone });
  });
});

describe('init', () => {
  it('never overwrites without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-init-'));
    await writeTeamRepository(dir, TEAM_STYLES[0], 20);
    expect(cli(['init'], dir).code).toBe(0);
    writeFileSync(join(dir, 'postmortem-template.json'), '{"edited": true}\n');
    const refused = cli(['init'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exist.*--force/);
    expect(readFileSync(join(dir, 'postmortem-template.json'), 'utf8')).toBe('{"edited": true}\n');
    const forced = cli(['init', '--force', '.'], dir);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'postmortem-template.json'), 'utf8')).sections.length).toBeGreaterThan(2);
  });

  it('writes nothing when only one of the two files exists, and says which', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-init-'));
    writeFileSync(join(dir, 'a-postmortem.md'), readFileSync(join(ROOT, 'examples/clean-postmortem.md'), 'utf8'));
    writeFileSync(join(dir, '.postmortemrc.json'), '{}\n');
    const { code, stderr } = cli(['init'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('.postmortemrc.json already exists');
    expect(existsSync(join(dir, 'postmortem-template.json'))).toBe(false);
  });

  it('exits 2 on a folder without Markdown', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-init-'));
    expect(cli(['init'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('no Markdown files') });
  });
});

describe('report on a repository of 200 postmortems', () => {
  let dir: string;
  let report: { incidents: { date: string; severity: string; actionItems: { open: number } }[]; months: { incidents: number; medianTimeToResolveSeconds: number; p90TimeToResolveSeconds: number }[]; openActionItems: { due: string | null; overdue: boolean; owner: string | null; text: string; file: string; line: number }[] };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pm-report-'));
    await writeTeamRepository(dir, TEAM_STYLES[1], FILES);
    report = JSON.parse(cli(['report', '--format', 'json', '--today', '2023-06-01', 'postmortems'], dir).stdout);
  });

  it('is deterministic and indexes every incident, newest first', () => {
    const first = cli(['report', '--today', '2023-06-01', 'postmortems'], dir);
    expect(first.code).toBe(0);
    expect(cli(['report', '--today', '2023-06-01', 'postmortems'], dir).stdout).toBe(first.stdout);
    expect(first.stdout.split('\n').filter((line) => /^\| \d{4}-\d\d-\d\d \| \[/.test(line))).toHaveLength(FILES);
    expect(report.incidents).toHaveLength(FILES);
    const dates = report.incidents.map((i) => i.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(report.months.reduce((n, m) => n + m.incidents, 0)).toBe(FILES);
    for (const m of report.months) expect(m.p90TimeToResolveSeconds).toBeGreaterThanOrEqual(m.medianTimeToResolveSeconds);
    expect(report.incidents[0]).toMatchObject({ severity: expect.stringMatching(/^SEV-\d$/), status: expect.any(String), durationSeconds: expect.any(Number) });
  });

  it('lists open action items with owner and due, overdue before --today, none done', () => {
    const items = report.openActionItems;
    expect(items.length).toBeGreaterThan(50);
    expect(items.every((i) => i.owner?.startsWith('@') && i.due)).toBe(true);
    for (const item of items) expect(item.overdue, `${item.file}:${item.line}`).toBe(item.due! < '2023-06-01');
    expect(items.some((i) => i.overdue) && items.some((i) => !i.overdue)).toBe(true);
    const dues = items.map((i) => i.due);
    expect(dues).toEqual([...dues].sort());
    // Each is an unchecked task at the line it names.
    for (const item of items.slice(0, 20)) expect(readFileSync(join(dir, item.file), 'utf8').split('\n')[item.line - 1]).toMatch(/^- \[ \] /);
    const total = report.incidents.reduce((n, i) => n + i.actionItems.open, 0);
    expect(items).toHaveLength(total);
  });

  it('prints CSV, one row per incident, and a static HTML page', () => {
    const csv = cli(['report', '--format', 'csv', '--today', '2023-06-01', 'postmortems'], dir).stdout.trimEnd().split('\r\n');
    expect(csv[0]).toBe('date,file,title,severity,status,duration_seconds,ttd_seconds,ttm_seconds,ttr_seconds,open_action_items,action_items,problems');
    expect(csv).toHaveLength(FILES + 1);
    const actions = cli(['report', '--format', 'csv', '--table', 'actions', '--today', '2023-06-01', 'postmortems'], dir).stdout;
    expect(actions).toMatch(/^\d{4}-\d{2}-\d{2},true,@\w/m);
    const html = cli(['report', '--format', 'html', '--today', '2023-06-01', 'postmortems'], dir).stdout;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<tr class="overdue">/g)!.length).toBe((actions.match(/,true,/g) ?? []).length);
  });

  it('--output writes the file with links relative to it', () => {
    expect(cli(['report', '--today', '2023-06-01', '-o', 'postmortems/README.md', 'postmortems'], dir).code).toBe(0);
    const md = readFileSync(join(dir, 'postmortems/README.md'), 'utf8');
    expect(md).toMatch(/\]\(2023-\d\d-\d\d-beta-\d{4}\.md\)/);
  });

  it('exits 2 on a bad option', () => {
    expect(cli(['report', '--format', 'pdf', 'postmortems'], dir).code).toBe(2);
    expect(cli(['report', '--today', 'tomorrow', 'postmortems'], dir).code).toBe(2);
    expect(cli(['report'], dir).code).toBe(2);
  });
});
