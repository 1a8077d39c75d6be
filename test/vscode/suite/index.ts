// Entry the extension host loads (extensionTestsPath): runs mocha over the bundled suite files.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 60_000 });
  // Bundled next to this file as *.test.cjs by scripts/build.mjs (target vscode-tests).
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files = readdirSync(dir).filter((name) => name.endsWith('.test.cjs')).sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.test.cjs suite files in ${dir}`));
  for (const name of files) mocha.addFile(join(dir, name));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
  });
}
