// `npm run package` from a clean copy of the tree (no dist/), and what the .vsix ends up holding.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const MAX_VSIX_BYTES = 1024 * 1024;

/** What the extension needs at run time; anything else in the .vsix is a whitelist leak. */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|readme\.md|LICENSE\.txt|changelog\.md)$/,
  /^extension\/dist\/(client|server|engine|analysis-worker)\.cjs$/,
  /^extension\/dist\/(client-web\.cjs|server-web\.js)$/,
  /^extension\/schemas\/(templates\/)?[^/]+\.json$/,
  /^extension\/snippets\/[^/]+\.json$/,
  /^extension\/images\/icon\.png$/,
  /^extension\/media\/.+$/,
];
const REQUIRED = [
  'extension/package.json',
  'extension/readme.md',
  'extension/dist/client.cjs',
  'extension/dist/server.cjs',
  // The server requires the engine on first use: without it every postmortem fails at run time.
  'extension/dist/engine.cjs',
  // package.json's `browser`, and the web worker server it starts (VS Code for the Web).
  'extension/dist/client-web.cjs',
  'extension/dist/server-web.js',
  // Every analysis runs in this worker thread: without it no postmortem is ever checked.
  'extension/dist/analysis-worker.cjs',
  // The preview webview loads its stylesheet and script from media/.
  'extension/media/preview.css',
  'extension/media/preview.js',
  'extension/snippets/postmortem.json',
  'extension/schemas/config.schema.json',
  'extension/schemas/template.schema.json',
  'extension/schemas/templates/default.json',
  'extension/images/icon.png',
];

/** Entry names from a zip's central directory (a .vsix is a zip). */
function zipEntries(zip: Buffer): string[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry at ${offset}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const vsce = join(root, 'node_modules/.bin/vsce');
const canRun = existsSync(vsce);
if (!canRun) console.warn(`SKIPPED: packaging tests: ${vsce} is missing (run npm ci).`);

describe.skipIf(!canRun)('npm run package', () => {
  // A copy, so the build neither races other tests that run dist/ nor relies on a dist/ left behind.
  let work: string;
  let vsix: string;
  let output: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'postmortem-package-'));
    const skip = new Set(['node_modules', '.git', 'dist', '.vscode-test', 'test-results', 'out']);
    cpSync(root, work, {
      recursive: true,
      filter: (source) => !(skip.has(basename(source)) && source.startsWith(root)) && !source.endsWith('.vsix'),
    });
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
    const run = spawnSync('npm', ['run', 'package'], { cwd: work, encoding: 'utf8', timeout: 240_000 });
    output = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0) throw new Error(`npm run package failed (exit ${run.status}):\n${output}`);
    vsix = join(work, 'postmortem.vsix');
  }, 300_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('writes postmortem.vsix of at most 1 MB', () => {
    const size = statSync(vsix).size;
    console.log(`postmortem.vsix: ${(size / 1024).toFixed(1)} KB`);
    expect(size).toBeLessThanOrEqual(MAX_VSIX_BYTES);
  });

  it('holds only whitelisted files, no source maps, and everything the extension loads', () => {
    const entries = zipEntries(readFileSync(vsix));
    const leaks = entries.filter((name) => !ALLOWED.some((pattern) => pattern.test(name)) || name.endsWith('.map'));
    expect(leaks).toEqual([]);
    for (const name of REQUIRED) expect(entries, name).toContain(name);
  });

  it('matches what `vsce ls` says it would package', () => {
    const ls = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: work, encoding: 'utf8' });
    expect(ls.status, ls.stderr).toBe(0);
    const listed = ls.stdout.split('\n').filter(Boolean).map((name) => `extension/${name.replace(/^README\.md$/, 'readme.md').replace(/^LICENSE$/, 'LICENSE.txt')}`);
    const packaged = zipEntries(readFileSync(vsix)).filter((name) => name.startsWith('extension/'));
    expect(listed.sort()).toEqual(packaged.sort());
  });
});
