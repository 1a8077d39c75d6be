// The invariants of ARCHITECTURE.md: who may import what.
import { describe, it, expect } from 'vitest';
import { builtinModules } from 'node:module';
import { importsOf, sourceFiles } from './import-graph.js';

const BUILTINS = new Set(builtinModules);
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0]);

/** `file imports specifier` for each import breaking `bad`. */
function offenders(dir: string, bad: (i: ReturnType<typeof importsOf>[number], file: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) => importsOf(file).filter((i) => bad(i, file)).map((i) => `${file} imports ${i.specifier}`));
}

// The modules the client may take from the server: they import nothing but each other.
const SHARED_WITH_CLIENT = ['server/src/lsp/protocol.ts', 'server/src/lsp/fs-protocol.ts', 'server/src/preview/protocol.ts', 'server/src/preview/page.ts', 'server/src/preview/html.ts'];

describe('architecture', () => {
  it('sees the imports it checks (the graph reader works)', () => {
    const imports = importsOf('server/src/cli/run.ts');
    expect(imports).toContainEqual({ specifier: 'node:fs', target: undefined, typeOnly: false });
    expect(imports).toContainEqual({ specifier: '../core/index.js', target: 'server/src/core/index.ts', typeOnly: false });
    expect(importsOf('server/src/lsp/engine.ts')).toContainEqual({ specifier: '../engine-entry.js', target: 'server/src/engine-entry.ts', typeOnly: true });
  });

  it('core imports nothing from lsp, cli, node, preview, the editor or Node built-ins', () => {
    // Its own files, and the schemas and built-in templates, which are JSON data.
    const bad = offenders('server/src/core', (i) =>
      isBuiltin(i.specifier) || /^vscode/.test(i.specifier) || (i.target !== undefined && !/^(server\/src\/core\/|schemas\/.*\.json$)/.test(i.target)));
    expect(bad).toEqual([]);
  });

  it('preview imports only core and its rendering libraries', () => {
    const bad = offenders('server/src/preview', (i) => isBuiltin(i.specifier) || /^vscode/.test(i.specifier) || (i.target !== undefined && !/^server\/src\/(core|preview)\//.test(i.target)));
    expect(bad).toEqual([]);
  });

  it('the CLI and node/ know nothing of the language server', () => {
    const bad = [...offenders('server/src/cli', (i) => /^vscode/.test(i.specifier) || !!i.target?.startsWith('server/src/lsp/')),
      ...offenders('server/src/node', (i) => /^vscode/.test(i.specifier) || !!i.target && !/^server\/src\/(core|node)\//.test(i.target))];
    expect(bad).toEqual([]);
  });

  it('the client imports from the server only the import-free protocol and page modules', () => {
    // Template JSON under schemas/ is data the picker shows, not server code.
    const bad = offenders('client/src', (i) => !!i.target && !i.target.startsWith('client/') && !i.target.startsWith('schemas/') && !SHARED_WITH_CLIENT.includes(i.target));
    expect(bad).toEqual([]);
    const leaks = SHARED_WITH_CLIENT.flatMap((file) => importsOf(file).filter((i) => !i.target || !SHARED_WITH_CLIENT.includes(i.target)).map((i) => `${file} imports ${i.specifier}`));
    expect(leaks).toEqual([]);
  });
  it('the language server reaches the engine only through lsp/engine.ts', () => {
    // Elsewhere in lsp/: packages, Node built-ins, lsp/ and node/ files, the import-free protocol
    // modules, and engine types (erased at build time). lsp/engine.ts loads the engine on first use.
    const bad = offenders('server/src/lsp', (i, file) => {
      if (file === 'server/src/lsp/engine.ts' || !i.target) return false;
      if (/^server\/src\/(lsp|node)\//.test(i.target) || SHARED_WITH_CLIENT.includes(i.target)) return false;
      return !(i.target === 'server/src/engine-entry.ts' && i.typeOnly);
    });
    expect(bad).toEqual([]);
    // The entries add only their host: node/ (disk) for server.ts, browser/ (the client) for the web one.
    const server = importsOf('server/src/server.ts').filter((i) => i.target && !/^server\/src\/(lsp|node)\//.test(i.target));
    expect(server).toEqual([]);
    const web = importsOf('server/src/browser-server.ts').filter((i) => i.target && !/^server\/src\/(lsp|browser)\//.test(i.target));
    expect(web).toEqual([]);
  });
});
