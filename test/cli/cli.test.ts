import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/postmortem-lint.cjs');

function cli(args: string[], options: { cwd?: string; input?: string } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, input: options.input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('postmortem-lint', () => {
  it('exits 0 with no problems on the clean example', () => {
    const { code, stdout } = cli(['examples/clean-postmortem.md']);
    expect(code).toBe(0);
    expect(stdout).toContain('no problems');
  });

  it('prints path:line:col  severity  message  rule-name and exits 1 on errors', () => {
    const { code, stdout } = cli(['examples/problems-postmortem.md']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^examples\/problems-postmortem\.md:9:5 {2}error {2}Timeline goes backwards: 14:25 comes after 14:40.* {2}timeline-order$/m);
    expect(stdout).toMatch(/^examples\/problems-postmortem\.md:21:5 {2}warning {2}Unknown tag “Fxi”.* {2}action-item-unknown-tag$/m);
  });

  it('prints JSON with problems and the postmortem model', () => {
    const { code, stdout } = cli(['--format', 'json', 'examples/']);
    expect(code).toBe(1);
    const results = JSON.parse(stdout);
    expect(results.map((r: { file: string }) => r.file)).toEqual([
      'examples/atlassian-postmortem.md', 'examples/clean-postmortem.md', 'examples/google-sre-postmortem.md',
      'examples/pagerduty-postmortem.md', 'examples/problems-google-sre-postmortem.md', 'examples/problems-postmortem.md',
    ]);
    const byFile = (name: string) => results.find((r: { file: string }) => r.file === `examples/${name}`);
    const clean = byFile('clean-postmortem.md');
    expect(clean.template).toEqual({ name: 'default', reason: 'the built-in default' });
    expect(byFile('google-sre-postmortem.md').template).toEqual({ name: 'google-sre', reason: 'front matter template: google-sre' });
    expect(clean.problems).toEqual([]);
    expect(clean.postmortem.title).toBe('Postmortem: Checkout API Timeouts After Cache Cluster Failover');
    expect(clean.postmortem.timeline[0]).toEqual({ line: 14, text: 'Latency alert fires for the checkout API (p99 above 4 s).', time: '2024-03-03T09:12:00.000Z', precision: 'minute', zone: 'UTC' });
    expect(clean.postmortem.actionItems.map((a: { tag: string }) => a.tag)).toEqual(['Fix', 'Improvement', 'TODO']);
    expect(clean.postmortem.sections[0]).toEqual({ title: 'Impact', level: 2, line: 7 });
    const order = byFile('problems-postmortem.md').problems.find((p: { rule: string }) => p.rule === 'timeline-order');
    // Fixable: the quick fix moves the entry into time order.
    expect(order).toMatchObject({ severity: 'error', line: 9, column: 5, endLine: 9, endColumn: 10, fixable: true });
  });

  it('stops writing quietly when the reader goes (| head -1), and keeps the exit code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-pipe-'));
    const problems = readFileSync(join(ROOT, 'examples/problems-postmortem.md'), 'utf8');
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `p${i}.md`), problems);
    // A real shell pipe: node's own stdio pipes are sockets, which do not fail the same way.
    const script = `"$0" "$1" "$2" | head -1 >/dev/null; echo "exit $\{PIPESTATUS[0]}"`;
    const result = spawnSync('bash', ['-c', script, process.execPath, BIN, dir], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('exit 1\n');
  });

  it('npm start: each built-in template’s example is clean, and each rule beyond structure fires once somewhere', () => {
    const results: { file: string; template: { name: string }; problems: { rule: string }[] }[] = JSON.parse(cli(['--format', 'json', 'examples/']).stdout);
    const clean = results.filter((r) => !r.file.includes('problems-'));
    expect(clean.map((r) => [r.template.name, r.problems])).toEqual([['atlassian', []], ['default', []], ['google-sre', []], ['pagerduty', []]]);
    const fired = new Set(results.flatMap((r) => r.problems.map((p) => p.rule)));
    for (const rule of ['action-item-incomplete', 'missing-field', 'field-value', 'placeholder-text', 'blameless-language', 'timeline-milestones']) expect(fired, rule).toContain(rule);
  });

  it('prints SARIF 2.1.0 with rule descriptors and 1-based regions', () => {
    const { code, stdout } = cli(['--format', 'sarif', 'examples/problems-postmortem.md']);
    expect(code).toBe(1);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('postmortem-lint');
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'timeline-order');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('timeline-order');
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'examples/problems-postmortem.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 9, startColumn: 5, endLine: 9, endColumn: 10 },
    });
  });

  it('reads stdin with -', () => {
    const { code, stdout } = cli(['-'], { input: '# Postmortem: x\n\n## Timeline\n\n- 15:00 a\n- 14:00 b\n' });
    expect(code).toBe(1);
    expect(stdout).toContain('<stdin>:6:3  error  Timeline goes backwards');
  });

  it('--max-warnings turns too many warnings into exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
    const text = readFileSync(join(ROOT, 'examples/clean-postmortem.md'), 'utf8').replace('- **TODO:** Run', '- Run');
    writeFileSync(join(dir, 'pm.md'), text);
    expect(cli(['pm.md'], { cwd: dir }).code).toBe(0);
    expect(cli(['--max-warnings', '0', 'pm.md'], { cwd: dir }).code).toBe(1);
    expect(cli(['--max-warnings', '1', 'pm.md'], { cwd: dir }).code).toBe(0);
  });

  it('leaves README, index and template files out of a folder unless --exclude says otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
    mkdirSync(join(dir, 'postmortems/templates'), { recursive: true });
    writeFileSync(join(dir, 'postmortems/README.md'), '# Postmortems\n');
    writeFileSync(join(dir, 'postmortems/index.md'), '# Index\n');
    writeFileSync(join(dir, 'postmortems/templates/blank.md'), '# Postmortem: <title>\n');
    writeFileSync(join(dir, 'postmortems/dns.md'), readFileSync(join(ROOT, 'examples/clean-postmortem.md'), 'utf8'));
    const files = (args: string[]) => JSON.parse(cli(['--format', 'json', ...args], { cwd: dir }).stdout).map((r: { file: string }) => r.file);
    expect(files(['postmortems/'])).toEqual(['postmortems/dns.md']);
    expect(files(['postmortems/**/*.md'])).toEqual(['postmortems/dns.md']);
    expect(files(['--exclude', '**/index.md', 'postmortems/'])).toEqual(['postmortems/README.md', 'postmortems/dns.md', 'postmortems/templates/blank.md']);
    // A file named on its own is checked whatever the globs say.
    expect(files(['postmortems/README.md'])).toEqual(['postmortems/README.md']);
  });

  it('--fix rewrites the file with the safe fixes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
    writeFileSync(join(dir, 'pm.md'), '# Postmortem: x\n\n## Corrective Actions\n\n- **Fxi:** patch it\n');
    cli(['--fix', 'pm.md'], { cwd: dir });
    const fixed = readFileSync(join(dir, 'pm.md'), 'utf8');
    expect(fixed).toContain('- **Fix:** patch it');
    // Adding sections is the author's pick: --fix leaves them to the quick fix.
    expect(fixed).not.toContain('## Timeline');
  });

  it('uses .postmortemrc.json and exits 2 with the exact spot of a broken one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
    writeFileSync(join(dir, 'pm.md'), '# Postmortem: x\n\n## Timeline\n\n- 15:00 a\n- 14:00 b\n');
    writeFileSync(join(dir, '.postmortemrc.json'), '{ "rules": { "timeline-order": "off", "missing-section": "off", "empty-section": "off" } }');
    expect(cli(['pm.md'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, '.postmortemrc.json'), '{\n  "rules": { "timeline-order": "loud" }\n}');
    const broken = cli(['pm.md'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^\.postmortemrc\.json:2:32 {2}error {2}/m);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });

  it('--template picks a preset', () => {
    const { stdout } = cli(['--template', 'google-sre', 'examples/clean-postmortem.md']);
    expect(stdout).toContain('Missing required section “Trigger”');
  });

  it('front matter template: picks the template per file, over --template and the config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
    const body = readFileSync(join(ROOT, 'examples/clean-postmortem.md'), 'utf8');
    writeFileSync(join(dir, '.postmortemrc.json'), '{ "template": "google-sre" }');
    writeFileSync(join(dir, 'own.md'), `---\ntemplate: default\n---\n${body}`);
    writeFileSync(join(dir, 'configured.md'), body);
    writeFileSync(join(dir, 'typo.md'), `---\ntemplate: defualt\n---\n${body}`);
    const { stdout, stderr } = cli(['--format', 'json', 'own.md', 'configured.md', 'typo.md'], { cwd: dir });
    const problems = Object.fromEntries(JSON.parse(stdout).map((r: { file: string; problems: unknown[] }) => [r.file, r.problems.length]));
    expect(problems['own.md']).toBe(0);
    expect(problems['configured.md']).toBeGreaterThan(0);
    expect(problems['typo.md']).toBe(problems['configured.md']);
    expect(stderr).toMatch(/typo\.md: Front matter template: Unknown template "defualt".*Checking against "google-sre" instead/);
    expect(cli(['--template', 'google-sre', 'own.md'], { cwd: dir }).code).toBe(0);
  });

  it('gives clear messages, never a stack trace, for bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'huge.md'), '# Postmortem: big\n\n' + 'x'.repeat(5 * 1024 * 1024));
    const result = cli(['binary.md', 'empty.md', 'huge.md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('binary.md: skipped, this looks like a binary file');
    expect(result.stdout).toContain('empty.md:1:1  info  This postmortem is empty');
    expect(result.stdout).toMatch(/huge\.md:1:1 {2}info {2}This file \(\d+ KB\) is larger than the 2048 KB/);
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on usage errors', () => {
    expect(cli(['--format', 'xml', 'x.md']).code).toBe(2);
    expect(cli([]).code).toBe(2);
    expect(cli(['does-not-exist.md']).code).toBe(2);
    expect(cli(['--max-warnings', 'many', 'x.md']).code).toBe(2);
  });
});
