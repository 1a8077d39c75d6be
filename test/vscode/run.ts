// `npm run test:vscode`: runs the mocha suite in suite/ inside a real VS Code extension host.
// Our machines cannot download VS Code, so this never tries: it uses VSCODE_EXECUTABLE or an
// install already in .vscode-test/, and otherwise says SKIPPED loudly and exits 0.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
// Deep import: the package's own mapping from an install folder to its executable.
import { downloadDirToExecutablePath, systemDefaultPlatform } from '@vscode/test-electron/out/util.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cachePath = join(root, '.vscode-test');

/** An install @vscode/test-electron finished unpacking earlier (it writes `is-complete` last). */
function cachedExecutable(): string | undefined {
  const installs = existsSync(cachePath) ? readdirSync(cachePath).filter((name) => name.startsWith(`vscode-${systemDefaultPlatform}-`)) : [];
  for (const name of installs.sort().reverse()) {
    const dir = join(cachePath, name);
    const executable = downloadDirToExecutablePath(dir, systemDefaultPlatform);
    if (existsSync(join(dir, 'is-complete')) && existsSync(executable)) return executable;
  }
  return undefined;
}

const executable = process.env.VSCODE_EXECUTABLE || cachedExecutable();
if (!executable) {
  console.log(
    `SKIPPED: no VS Code binary available (VSCODE_EXECUTABLE is not set and ${cachePath} has no install); ` +
      'the extension-host suite in test/vscode/suite did not run.',
  );
  process.exit(0);
}
if (!existsSync(executable)) {
  console.error(`VSCODE_EXECUTABLE=${executable} does not exist.`);
  process.exit(1);
}

const build = spawnSync(process.execPath, ['scripts/build.mjs', 'client', 'server', 'vscode-tests'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const launchArgs = [
  join(root, 'test/vscode/workspace'),
  '--disable-extensions',
  '--disable-workspace-trust',
  '--skip-welcome',
  '--skip-release-notes',
  '--disable-gpu',
];
// Chromium refuses to run as root without this.
if (process.getuid?.() === 0) launchArgs.push('--no-sandbox');

try {
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist/test/vscode/suite/index.cjs'),
    launchArgs,
  });
  console.log('PASSED: extension-host suite');
} catch (error) {
  console.error('FAILED: extension-host suite:', error instanceof Error ? error.message : error);
  process.exit(1);
}
