// Bundles the extension client, the language server and the CLI into single CommonJS files.
import { build } from 'esbuild';
import { chmod, mkdir } from 'node:fs/promises';

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
  },
};
// `node scripts/build.mjs cli` builds only the named targets; no argument builds all.
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(targets);
// The CLI analyses in the worker and engine bundles the server target builds.
if (wanted.includes('cli') && !wanted.includes('server')) wanted.push('server');

await mkdir('dist', { recursive: true });
await Promise.all(wanted.map((name) =>
  build({ ...common, ...targets[name] }).catch((error) => { console.error(error.message); process.exitCode = 1; }),
));
for (const bin of ['bin/postmortem-lint.cjs', 'bin/postmortem-language-server.cjs']) await chmod(bin, 0o755).catch(() => {});
