// VS Code for the Web has no Node: the web client and the web worker server must not import a
// Node built-in (fs, path, os, …), directly or through a dependency. esbuild's metafile (written
// by scripts/build.mjs) lists every module each bundle holds and every import left outside it.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

interface Metafile {
  inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
  outputs: Record<string, { imports: { path: string; external?: boolean }[]; entryPoint?: string }>;
}

const BUNDLES = [
  { name: 'client-web', file: 'dist/client-web.cjs', externals: ['vscode'] },
  { name: 'server-web', file: 'dist/server-web.js', externals: [] },
];

describe.each(BUNDLES)('the web bundle $file', ({ name, file, externals }) => {
  const meta = JSON.parse(readFileSync(join(root, `dist/${name}.meta.json`), 'utf8')) as Metafile;
  const output = meta.outputs[file]!;

  it('imports nothing at run time but what the web extension host provides', () => {
    expect(output, `${file} in dist/${name}.meta.json`).toBeDefined();
    expect([...new Set(output.imports.map((i) => i.path))]).toEqual(externals);
  });

  it('holds no module that imports a Node built-in', () => {
    expect(nodeImports(meta)).toEqual([]);
  });

  it('does not call require() for a Node built-in anywhere in its text', () => {
    const text = readFileSync(join(root, file), 'utf8');
    const required = [...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!).filter((id) => BUILTINS.has(id));
    expect(required).toEqual([]);
  });
});

describe('the check itself', () => {
  it('names a module that imports a Node built-in, bare or node:, or a subpath of one', () => {
    const meta = { inputs: { 'a.ts': { imports: [{ path: 'node:fs' }, { path: './b.ts' }] }, 'b.ts': { imports: [{ path: 'fs/promises' }, { path: 'path-browserify' }] } }, outputs: {} };
    expect(nodeImports(meta)).toEqual(['a.ts imports node:fs', 'b.ts imports fs/promises']);
  });
});

function nodeImports(meta: Metafile): string[] {
  return Object.entries(meta.inputs).flatMap(([input, { imports }]) =>
    imports.filter((i) => BUILTINS.has(i.path) || BUILTINS.has(i.path.split('/')[0]!)).map((i) => `${input} imports ${i.path}`));
}
