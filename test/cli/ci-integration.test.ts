// action.yml and .pre-commit-hooks.yaml point at the CLI; these checks keep them pointing at it.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseCliArgs } from '../../server/src/cli/args.js';

const ROOT = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('action.yml', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  const steps: { name?: string; run?: string; uses?: string; with?: Record<string, string>; if?: string }[] = action.runs.steps;

  it('is a composite action that runs the CLI with options it takes', () => {
    expect(action.runs.using).toBe('composite');
    const lint = steps.find((s) => s.run?.includes('bin/postmortem-lint.cjs'))!;
    const invocations = lint.run!.split('\n').filter((line) => line.includes('bin/postmortem-lint.cjs'));
    expect(invocations.length).toBe(2);
    for (const line of invocations) {
      const args = line.split('postmortem-lint.cjs"')[1].split(/\s+(?:\|\||>)/)[0].trim().split(/\s+/).filter((a) => !a.startsWith('$'));
      expect(() => parseCliArgs([...args, 'x.md']), line).not.toThrow();
    }
    expect(invocations.map((line) => parseCliArgs(line.split('postmortem-lint.cjs"')[1].split(/\s+(?:\|\||>)/)[0].trim().split(/\s+/).filter((a) => !a.startsWith('$'))).format)).toEqual(['github', 'sarif']);
  });

  it('uploads the SARIF file it wrote', () => {
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with!.sarif_file).toBe('${{ inputs.sarif-file }}');
    expect(steps.find((s) => s.run?.includes('> "$SARIF"'))).toBeDefined();
    expect(action.inputs['sarif-file'].default).toMatch(/\.sarif$/);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks: { id: string; entry: string; language: string; files: string; exclude: string }[] = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));

  it('runs a binary the package installs, with options it takes', () => {
    for (const hook of hooks) {
      const [bin, ...args] = hook.entry.split(' ');
      expect(Object.keys(manifest.bin)).toContain(bin);
      expect(hook.language).toBe('node');
      expect(() => parseCliArgs([...args, 'x.md'])).not.toThrow();
    }
    // pre-commit installs node hooks with npm pack: the bundles must be built by then.
    expect(manifest.scripts.prepack).toMatch(/build/);
  });

  it('picks postmortems and leaves READMEs and templates alone, as the default settings do', () => {
    for (const hook of hooks) {
      const picks = (path: string) => new RegExp(hook.files).test(path) && !new RegExp(hook.exclude).test(path);
      expect(picks('postmortems/2024-05-login.md'), hook.id).toBe(true);
      expect(picks('docs/incidents/db.md')).toBe(true);
      expect(picks('2024-05-login-postmortem.md')).toBe(true);
      expect(picks('postmortems/README.md')).toBe(false);
      expect(picks('postmortems/templates/basic.md')).toBe(false);
      expect(picks('docs/guide.md')).toBe(false);
    }
  });
});
