// Bundles the extension client, the language server and the CLI into single CommonJS files.
import { build } from 'esbuild';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { readdirSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  minify: process.env.NO_MINIFY !== "1",
  keepNames: true,
  logLevel: 'warning',
  // jsonc-parser's UMD `main` cannot be bundled; its ESM build can.
  mainFields: ['module', 'main'],
  // Bundled ESM packages may read import.meta.url; point it at the bundle itself.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const targets = {
  client: { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] },
  // The server and the engine it loads on first use (kept apart so `initialize` is answered fast).
  server: {
    entryPoints: [
      { in: 'server/src/server.ts', out: 'server' },
      { in: 'server/src/engine-entry.ts', out: 'engine' },
      // The analysis worker thread of the server and the CLI; it loads engine.cjs beside it.
      { in: 'server/src/analysis-worker.ts', out: 'analysis-worker' },
    ],
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
  },
  cli: { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.cjs' },
  // The extension-host test suite: the host loads CommonJS; mocha comes from node_modules at run time.
  'vscode-tests': {
    entryPoints: ['test/vscode/suite/*.ts'],
    outdir: 'dist/test/vscode/suite',
    outExtension: { '.js': '.cjs' },
    external: ['vscode', 'mocha'],
    minify: false,
    define: { ...common.define, PM_SUITE_HOST: '"node"' },
  },
};

// VS Code for the Web: the same client and server for the browser. No Node built-in may reach these
// bundles (test/architecture/web-bundles.test.ts): the few modules that differ are swapped here.
const WEB_SWAPS = [
  // The transport: the web client starts the server in a web worker.
  { importer: /client[\\/]src[\\/]extension\.ts$/, path: './client.js', to: 'client/src/browser/client.ts' },
  // The engine: bundled into the worker instead of required on first use.
  { importer: /server[\\/]src[\\/]lsp[\\/][^\\/]+\.ts$/, path: './engine.js', to: 'server/src/browser/engine.ts' },
];
const WEB_MODULES = { 'node:path': 'node_modules/path-browserify/index.js', path: 'node_modules/path-browserify/index.js', 'node:url': 'server/src/browser/file-url.ts' };
const webSwaps = {
  name: 'web-swaps',
  setup(build) {
    build.onResolve({ filter: /^\.\/(client|engine)\.js$/ }, (args) => {
      const swap = WEB_SWAPS.find((s) => s.path === args.path && s.importer.test(args.importer));
      return swap ? { path: resolvePath(swap.to) } : undefined;
    });
    build.onResolve({ filter: /^(node:)?(path|url)$/ }, (args) => (WEB_MODULES[args.path] ? { path: resolvePath(WEB_MODULES[args.path]) } : undefined));
  },
};
const web = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: 'linked',
  minify: process.env.NO_MINIFY !== "1",
  keepNames: true,
  logLevel: 'warning',
  mainFields: ['browser', 'module', 'main'],
  // Both run in web workers, which have no DOM: packages' `worker` builds, not their `browser`
  // ones (decode-named-character-reference's uses document).
  conditions: ['worker'],
  plugins: [webSwaps],
  metafile: true,
};
Object.assign(targets, {
  // The web extension host loads CommonJS with only `vscode` to require.
  'client-web': { ...web, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client-web.cjs', format: 'cjs', external: ['vscode'] },
  // One self-contained script: the client may have to start it from a Blob URL.
  'server-web': { ...web, entryPoints: ['server/src/browser-server.ts'], outfile: 'dist/server-web.js', format: 'iife' },
  // The same extension-host suite for the web worker host: one file with mocha in it, since only
  // `vscode` can be required there; every suite/*.test.ts, whatever files there are.
  'vscode-tests-web': {
    ...web,
    stdin: {
      contents: `import { runSuite } from './index.ts';\nexport function run() {\n  return runSuite(() => {\n${
        readdirSync('test/vscode/suite').filter((name) => name.endsWith('.test.ts')).sort().map((name) => `    require('../suite/${name}');\n`).join('')}  });\n}\n`,
      resolveDir: 'test/vscode/web',
      sourcefile: 'web-suite-entry.ts',
      loader: 'ts',
    },
    outfile: 'dist/test/vscode/web/index.cjs',
    format: 'cjs',
    external: ['vscode'],
    minify: false,
    metafile: false,
    define: { PM_SUITE_HOST: '"web"' },
    alias: { 'node:assert/strict': './test/vscode/web/assert-strict.ts' },
  },
});

// `node scripts/build.mjs cli` builds only the named targets; no argument builds all.
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(targets);
// The CLI analyses in the worker and engine bundles the server target builds.
if (wanted.includes('cli') && !wanted.includes('server')) wanted.push('server');

await mkdir('dist', { recursive: true });
await Promise.all(wanted.map((name) =>
  build({ ...(targets[name].platform === 'browser' ? {} : common), ...targets[name] })
    // The web bundles' inputs, for the test that no Node built-in got in.
    .then((result) => result.metafile && writeFile(`dist/${name}.meta.json`, JSON.stringify(result.metafile)))
    .catch((error) => { console.error(error.message); process.exitCode = 1; }),
));
for (const bin of ['bin/postmortem-lint.cjs', 'bin/postmortem-language-server.cjs']) await chmod(bin, 0o755).catch(() => {});
