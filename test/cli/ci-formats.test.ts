// The CI formats, read the way CI systems read them: JUnit parsed as XML and held to the shape of
// the JUnit XSD, GitLab Code Quality checked for the fields GitLab uses, GitHub workflow commands.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// sax arrives with @vscode/vsce (xml2js); a strict parser, so malformed XML fails the test.
import sax from 'sax';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/postmortem-lint.cjs');

function cli(args: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

function parseXml(text: string): XmlNode {
  const parser = sax.parser(true);
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.onopentag = (tag) => {
    const node: XmlNode = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (t) => void (stack.at(-1)!.text += t);
  parser.write(text).close();
  return root.children[0];
}

// The JUnit XSD CI systems share (Jenkins, GitLab, Azure): which children and attributes each element may have.
const JUNIT_SHAPE: Record<string, { children: string[]; required: string[]; allowed: string[] }> = {
  testsuites: { children: ['testsuite'], required: [], allowed: ['name', 'tests', 'failures', 'errors', 'disabled', 'time'] },
  testsuite: { children: ['properties', 'testcase', 'system-out', 'system-err'], required: ['name', 'tests'], allowed: ['name', 'tests', 'failures', 'errors', 'skipped', 'disabled', 'time', 'timestamp', 'hostname', 'id', 'package'] },
  testcase: { children: ['skipped', 'error', 'failure', 'system-out', 'system-err'], required: ['name'], allowed: ['name', 'classname', 'assertions', 'time', 'status'] },
  failure: { children: [], required: [], allowed: ['message', 'type'] },
  'system-out': { children: [], required: [], allowed: [] },
};

function checkShape(node: XmlNode, path = node.name): void {
  const shape = JUNIT_SHAPE[node.name];
  expect(shape, `${path}: element allowed`).toBeDefined();
  for (const attribute of shape.required) expect(node.attributes, `${path} has ${attribute}`).toHaveProperty(attribute);
  for (const attribute of Object.keys(node.attributes)) expect(shape.allowed, `${path}@${attribute}`).toContain(attribute);
  for (const child of node.children) {
    expect(shape.children, `${path} > ${child.name}`).toContain(child.name);
    checkShape(child, `${path} > ${child.name}`);
  }
}

describe('--format junit', () => {
  it('is XML of the JUnit shape: one testcase per file, a failure for a file with problems', () => {
    const { code, stdout } = cli(['--format', 'junit', 'examples/clean-postmortem.md', 'examples/problems-postmortem.md']);
    expect(code).toBe(1);
    const root = parseXml(stdout);
    expect(root.name).toBe('testsuites');
    checkShape(root);
    const suite = root.children[0];
    const cases = suite.children.filter((c) => c.name === 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(['examples/clean-postmortem.md', 'examples/problems-postmortem.md']);
    expect(suite.attributes).toMatchObject({ tests: '2', failures: '1' });
    expect(cases[0].children).toEqual([]);
    const failure = cases[1].children.find((c) => c.name === 'failure')!;
    expect(failure.attributes.type).toBe('error');
    expect(failure.text).toContain('examples/problems-postmortem.md:9:5 error Timeline goes backwards');
    // The info-level note is reported, but does not fail the file.
    expect(cases[1].children.find((c) => c.name === 'system-out')!.text).toContain('(section-order)');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-junit-'));
    writeFileSync(join(dir, 'a&b<c>.md'), '# Postmortem: x\n\n## Timeline\n\n- 15:00 a\n- 14:00 b "<&>"\u0001\n\n## Action Items\n\n- <b>&amp; "x"\n');
    const { stdout } = cli(['--format', 'junit', 'a&b<c>.md'], dir);
    const root = parseXml(stdout);
    checkShape(root);
    expect(root.children[0].children[0].attributes.name).toBe('a&b<c>.md');
  });
});

describe('--format gitlab', () => {
  it('has the fields GitLab Code Quality reads, with fingerprints that survive moved lines', () => {
    const { code, stdout } = cli(['--format', 'gitlab', 'examples/problems-postmortem.md']);
    expect(code).toBe(1);
    const issues = JSON.parse(stdout);
    expect(issues.length).toBeGreaterThan(3);
    for (const issue of issues) {
      expect(typeof issue.description).toBe('string');
      expect(typeof issue.check_name).toBe('string');
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{32}$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(issue.location.path).toBe('examples/problems-postmortem.md');
      expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
    }
    const order = issues.find((i: { check_name: string }) => i.check_name === 'timeline-order');
    expect(order).toMatchObject({ severity: 'major', location: { lines: { begin: 9 } } });
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length);

    // The same file with two blank lines on top: the same fingerprints, new line numbers.
    const dir = mkdtempSync(join(tmpdir(), 'pm-gitlab-'));
    const text = readFileSync(join(ROOT, 'examples/problems-postmortem.md'), 'utf8');
    writeFileSync(join(dir, 'p.md'), text);
    const before = JSON.parse(cli(['--format', 'gitlab', 'p.md'], dir).stdout);
    writeFileSync(join(dir, 'p.md'), text.replace('\n', '\n\n\n'));
    const after = JSON.parse(cli(['--format', 'gitlab', 'p.md'], dir).stdout);
    const byFingerprint = (list: { fingerprint: string; location: { lines: { begin: number } } }[]) => new Map(list.map((i) => [i.fingerprint, i.location.lines.begin]));
    const moved = byFingerprint(after);
    for (const [fingerprint, line] of byFingerprint(before)) if (line > 1) expect(moved.get(fingerprint), fingerprint).toBe(line + 2);
  });
});

describe('--format github', () => {
  it('prints one workflow command per problem, escaped', () => {
    const { code, stdout } = cli(['--format', 'github', 'examples/problems-postmortem.md']);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.every((line) => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::\S/.test(line))).toBe(true);
    expect(lines).toContain('::error file=examples/problems-postmortem.md,line=9,col=5,endLine=9,endColumn=10,title=timeline-order::Timeline goes backwards: 14:25 comes after 14:40 on the entry above.');
    expect(stdout).toMatch(/^::notice .*title=section-order::/m);
  });

  it('prints nothing for a clean file', () => {
    expect(cli(['--format', 'github', 'examples/clean-postmortem.md'])).toMatchObject({ code: 0, stdout: '' });
  });
});
