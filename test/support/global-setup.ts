// Vitest globalSetup: the bundles the tests run (dist/client.cjs, server.cjs, engine.cjs, cli.cjs, the web ones)
// are built once, before any test file starts, when a source is newer than them. `npm test` has
// just built them, so there this costs a few stat calls; `npx vitest run test/cli` builds first.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const BUNDLES = ['dist/client.cjs', 'dist/server.cjs', 'dist/engine.cjs', 'dist/analysis-worker.cjs', 'dist/cli.cjs', 'dist/client-web.cjs', 'dist/server-web.js'];
const SOURCES = ['server/src', 'client/src', 'schemas', 'package.json', 'scripts/build.mjs'];

function newest(path: string): number {
  const stat = statSync(join(ROOT, path));
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(join(ROOT, path)).map((name) => newest(join(path, name))));
}

const builtAt = (path: string) => {
  try {
    return statSync(join(ROOT, path)).mtimeMs;
  } catch {
    return 0;
  }
};

export default function setup(): void {
  const sources = Math.max(...SOURCES.map(newest));
  if (Math.min(...BUNDLES.map(builtAt)) > sources) return;
  const build = spawnSync(process.execPath, ['scripts/build.mjs', 'client', 'server', 'cli', 'client-web', 'server-web'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`Building the bundles for the tests failed:\n${build.stderr}`);
}
