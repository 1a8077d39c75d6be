// `npm run test:e2e`: installs the tools if needed (scripts/e2e/setup.sh), builds and installs our
// .vsix into a real VS Code (code-server), runs the extension's mocha suite inside its extension
// host, and then uses the extension in Chromium as a person would (test/e2e/steps.ts).
//
// Env: PM_E2E_ROUTE (auto | a | b), PM_E2E_TOOLS (tools folder), PM_E2E_VSIX (skip packaging),
// PM_E2E_STEPS (comma-separated: suite and/or step numbers, e.g. suite,1,3; web-suite, web, web-1 for
// the web worker host runs), PM_E2E_KEEP=1 (keep the scratch folder).
import { spawnSync } from 'node:child_process';
import { format } from 'node:util';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CodeServer, killAll, type InstanceOptions, type Tools } from './lib/code-server.js';
import { CHROMIUM_ARGS, Workbench } from './lib/workbench.js';
import { STEPS, type StepContext } from './steps.js';
import { WEB_EXTENSION_KIND, WEB_STEPS, webJourneys } from './web-steps.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const resultsDir = join(root, 'test-results', 'e2e');
const toolsDir = process.env.PM_E2E_TOOLS ?? join(root, '.tools', 'e2e');
const SUITE_TIMEOUT_MS = 10 * 60_000;
/** PM_E2E_STEPS=suite,1,3 runs only the suite and steps 1 and 3. */
const selected = process.env.PM_E2E_STEPS?.split(',').map((id) => id.trim()).filter(Boolean);

interface Result {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  seconds: number;
  detail: string[];
}

const results: Result[] = [];
const instances: CodeServer[] = [];
const started = Date.now();
let tools: Tools;
let runDir = '';
/** The unpacked .vsix (the same folder for the Node and the web suite). */
let unpacked: string | undefined;

function log(message: string): void {
  console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

function banner(word: string, reason: string): void {
  const line = '='.repeat(72);
  console.log(`\n${line}\n  END-TO-END TESTS ${word}: ${reason}\n${line}`);
}

function setup(route?: 'b'): 'ok' | 'unavailable' | 'error' {
  const env = { ...process.env, PM_E2E_TOOLS: toolsDir, ...(route ? { PM_E2E_ROUTE: route } : {}) };
  const result = spawnSync('bash', [join(root, 'scripts/e2e/setup.sh')], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status === 0) {
    tools = JSON.parse(readFileSync(join(toolsDir, 'selected.json'), 'utf8')) as Tools;
    return 'ok';
  }
  return result.status === 3 ? 'unavailable' : 'error';
}

/** Starts code-server; if route A cannot start here, installs route B once and tries that. */
async function startInstance(options: Omit<InstanceOptions, 'runDir'>): Promise<CodeServer> {
  try {
    const instance = await CodeServer.start(tools, { ...options, runDir });
    instances.push(instance);
    return instance;
  } catch (error) {
    if (tools.route !== 'a' || process.env.PM_E2E_ROUTE) throw error;
    log(`code-server ${tools.codeServerVersion} (route A) did not start: ${error instanceof Error ? error.message : error}`);
    log('falling back to route B');
    if (setup('b') !== 'ok') throw error;
    return startInstance(options);
  }
}

function run(command: string, args: string[], what: string): void {
  log(what);
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal})`);
}

function record(name: string, status: Result['status'], since: number, detail: string[] = []): void {
  results.push({ name, status, seconds: (Date.now() - since) / 1000, detail });
  const mark = status === 'passed' ? 'PASS' : status === 'failed' ? 'FAIL' : 'SKIP';
  log(`${mark} ${name} (${((Date.now() - since) / 1000).toFixed(1)} s)`);
  for (const line of detail) console.log(`         ${line}`);
}

/** The extension as the .vsix installs it: code-server unpacks it into a scratch extensions folder. */
function unpackVsix(vsix: string): string {
  const dir = join(runDir, 'unpacked');
  const result = spawnSync(tools.node, [tools.entry, '--extensions-dir', dir, '--user-data-dir', join(runDir, 'unpacked-data'), '--install-extension', vsix], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const folder = existsSync(dir) ? readdirSync(dir).find((name) => existsSync(join(dir, name, 'package.json'))) : undefined;
  if (result.status !== 0 || !folder) throw new Error(`could not unpack ${vsix}: ${result.stdout}${result.stderr}`);
  return join(dir, folder);
}

/** The @vscode/test-electron-style suite (test/vscode/suite), run inside code-server's extension host. */
async function runSuite(browser: Browser, vsix: string): Promise<void> {
  const since = Date.now();
  const name = 'extension-host mocha suite (test/vscode/suite)';
  if (selected && !selected.includes('suite')) return;
  if (!existsSync(join(root, 'test/vscode/suite/index.ts'))) return record(name, 'skipped', since, ['test/vscode/suite/index.ts does not exist yet']);
  const noDriver = () => record(name, 'skipped', since, [`code-server ${tools.codeServerVersion} (route B) has no smoke-test driver to run it`]);
  if (tools.route !== 'a') return noDriver();
  run(process.execPath, ['scripts/build.mjs', 'vscode-tests'], 'bundling the extension-host suite (scripts/build.mjs vscode-tests)');
  const suite = join(root, 'dist/test/vscode/suite/index.cjs');
  const extension = (unpacked ??= unpackVsix(vsix));
  const workspace = join(runDir, 'suite-workspace');
  cpSync(join(root, 'test/vscode/workspace'), workspace, { recursive: true });
  // A wrapper marks the mocha reporter's output, so it can be told from the workbench's own logs
  // (the extension host's console cannot be patched: VS Code guards it).
  const wrapper = join(runDir, 'suite-runner', 'index.js');
  mkdirSync(join(runDir, 'suite-runner'));
  writeFileSync(join(runDir, 'suite-runner', 'package.json'), '{ "type": "commonjs" }\n');
  writeFileSync(wrapper, [
    "const { format } = require('node:util');",
    "const { dirname } = require('node:path');",
    `const suite = ${JSON.stringify(suite)};`,
    "const { reporters } = require(require.resolve('mocha', { paths: [dirname(suite)] }));",
    'const log = reporters.Base.consoleLog;',
    "reporters.Base.consoleLog = (...args) => log(`\u200b[suite] ${format(...args)}`);",
    'exports.run = () => require(suite).run();',
    '',
  ].join('\n'));

  const instance = await startInstance({ name: 'suite', settings: {}, smokeTestDriver: true });
  // Route A may not have started here, and startInstance fell back to route B.
  if (tools.route !== 'a') {
    await instance.stop();
    return noDriver();
  }
  const output: string[] = [];
  const workbenchLog = join(resultsDir, 'logs', 'suite-workbench.log');
  mkdirSync(join(resultsDir, 'logs'), { recursive: true });
  let exit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  const url = instance.url(workspace, [
    ['extensionDevelopmentPath', instance.remoteUri(extension)],
    ['extensionTestsPath', instance.remoteUri(wrapper)],
    ['skipWelcome', 'true'],
  ]);
  log(`running the suite in code-server ${tools.codeServerVersion}'s extension host`);
  const wb = await Workbench.open(browser, url, resultsDir, 'suite', async (page) => {
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      appendFileSync(workbenchLog, `${type} ${args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}\n`);
      for (const arg of args) {
        if (typeof arg !== 'string' || !arg.startsWith('\u200b[suite] ')) continue;
        for (const line of arg.slice(9).replace(/\u001b\[[0-9;]*m/g, '').split('\n')) {
          output.push(line);
          console.log(`    | ${line}`);
        }
      }
    });
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS)))]);
    await wb.screenshot('end').catch(() => undefined);
    const passing = Number(/^\s*(\d+) passing/m.exec(output.join('\n'))?.[1] ?? 0);
    const failing = Number(/^\s*(\d+) failing/m.exec(output.join('\n'))?.[1] ?? 0);
    const detail = [`${passing} passing, ${failing} failing, exit code ${code}`];
    // Each mocha test counts on its own in the totals.
    for (let i = 0; i < passing; i++) results.push({ name: `suite test ${i + 1}`, status: 'passed', seconds: 0, detail: [] });
    const failedTests = code === 0 ? failing : Math.max(failing, 1);
    for (let i = 0; i < failedTests; i++) results.push({ name: `suite test failure ${i + 1}`, status: 'failed', seconds: 0, detail: [] });
    log(`${code === 0 && failing === 0 ? 'PASS' : 'FAIL'} ${name} (${((Date.now() - since) / 1000).toFixed(1)} s): ${detail[0]}`);
    if (code === 'timeout') console.log(`         no exit within ${SUITE_TIMEOUT_MS / 1000} s`);
  } finally {
    clearTimeout(timer);
    await wb.close();
    await instance.stop();
  }
}

/** User settings of the journeys' workbenches. */
const JOURNEY_SETTINGS: Record<string, unknown> = {
  'workbench.editor.enablePreview': false,
  'editor.minimap.enabled': false,
  'markdown.validate.enabled': false,
  'editor.acceptSuggestionOnEnter': 'on',
  'remote.autoForwardPorts': false,
};

/** The user's view: our .vsix installed, the example workspace open, steps 1 to 7. */
async function runSteps(browser: Browser, vsix: string): Promise<void> {
  const workspace = join(runDir, 'workspace');
  cpSync(join(root, 'test/e2e/workspace'), workspace, { recursive: true });
  const steps = STEPS.filter((step) => !selected || selected.some((id) => step.id === id || step.id.startsWith(`${id}-`)));

  const settings: Record<string, unknown> = JOURNEY_SETTINGS;
  const open = async (name: string, extra: Record<string, unknown>) => {
    const since = Date.now();
    const instance = await startInstance({ name, settings: { ...settings, ...extra }, vsix });
    const wb = await Workbench.open(browser, instance.url(workspace), resultsDir, name);
    await wb.waitForExplorer();
    log(`workbench "${name}" ready in ${((Date.now() - since) / 1000).toFixed(1)} s (code-server ${tools.codeServerVersion})`);
    return { wb, close: async () => { await wb.close(); await instance.stop(); } };
  };

  const main = await open('ui', {});
  try {
    for (const step of steps) {
      const since = Date.now();
      const detail: string[] = [];
      main.wb.label = step.id;
      const ctx: StepContext = {
        root,
        workspace,
        wb: main.wb,
        note: (message) => detail.push(message),
        openInstance: async (name, extra) => {
          const other = await open(name, extra);
          other.wb.label = step.id;
          return other;
        },
      };
      try {
        // Each step starts from a clean editor area, so its screenshots show its own files.
        if (step !== steps[0]) await main.wb.closeAllEditors();
        await step.run(ctx);
        record(`${step.id}: ${step.title}`, 'passed', since, detail);
      } catch (error) {
        await main.wb.screenshot('FAILED').catch(() => undefined);
        detail.push(`ERROR: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`.split('\n').slice(0, 8).join('\n         '));
        record(`${step.id}: ${step.title}`, 'failed', since, detail);
        await main.wb.reset().catch(() => undefined);
      }
    }
  } finally {
    await main.close();
  }
}

/**
 * The same suite in code-server's web worker extension host (VS Code for the Web): the extension
 * forced there by remote.extensionKind, the suite bundled with mocha (test/vscode/web) and placed
 * inside the extension's folder, because the host runs a test module in the host of the
 * extension whose folder holds it.
 */
async function runWebSuite(browser: Browser, vsix: string): Promise<void> {
  const since = Date.now();
  const name = 'extension-host mocha suite in the web worker host (test/vscode/suite)';
  if (selected && !selected.includes('web-suite')) return;
  if (tools.route !== 'a') return record(name, 'skipped', since, [`code-server ${tools.codeServerVersion} (route B) has no smoke-test driver to run it`]);
  run(process.execPath, ['scripts/build.mjs', 'vscode-tests-web'], 'bundling the suite for the web worker host (scripts/build.mjs vscode-tests-web)');
  unpacked ??= unpackVsix(vsix);
  const suite = join(unpacked, 'web-suite', 'index.cjs');
  mkdirSync(dirname(suite), { recursive: true });
  copyFileSync(join(root, 'dist/test/vscode/web/index.cjs'), suite);
  const workspace = join(runDir, 'web-suite-workspace');
  cpSync(join(root, 'test/vscode/workspace'), workspace, { recursive: true });

  const instance = await startInstance({ name: 'web-suite', settings: WEB_EXTENSION_KIND, smokeTestDriver: true });
  const output: string[] = [];
  const workbenchLog = join(resultsDir, 'logs', 'web-suite-workbench.log');
  mkdirSync(join(resultsDir, 'logs'), { recursive: true });
  let exit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => (exit = resolve));
  const url = instance.url(workspace, [
    ['extensionDevelopmentPath', instance.remoteUri(unpacked)],
    ['extensionTestsPath', instance.remoteUri(suite)],
    ['skipWelcome', 'true'],
  ]);
  log(`running the suite in code-server ${tools.codeServerVersion}'s web worker extension host`);
  const wb = await Workbench.open(browser, url, resultsDir, 'web-suite', async (page) => {
    await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      appendFileSync(workbenchLog, `${type} ${args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}\n`);
      // The web host passes console arguments unformatted ("%d passing (%s)", 2, "4s"); the
      // suite put its mark at the start of the format string (test/vscode/web/index.ts).
      const [first, ...rest] = args;
      if (typeof first !== 'string' || !first.startsWith('\u200b[suite] ')) return;
      for (const line of format(first.slice(9), ...rest).replace(/\u001b\[[0-9;]*m/g, '').split('\n')) {
        output.push(line);
        console.log(`    | ${line}`);
      }
    });
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), SUITE_TIMEOUT_MS)))]);
    await wb.screenshot('end').catch(() => undefined);
    const text = output.join('\n');
    const passing = Number(/^\s*(\d+) passing/m.exec(text)?.[1] ?? 0);
    const failing = Number(/^\s*(\d+) failing/m.exec(text)?.[1] ?? 0);
    for (let i = 0; i < passing; i++) results.push({ name: `web suite test ${i + 1}`, status: 'passed', seconds: 0, detail: [] });
    // No test ran, or the run did not say it passed: a failure, never a quiet zero.
    const failedTests = code === 0 && passing > 0 ? failing : Math.max(failing, 1);
    for (let i = 0; i < failedTests; i++) results.push({ name: `web suite test failure ${i + 1}`, status: 'failed', seconds: 0, detail: [] });
    // The host test proves the run was in the web worker host; without it, it may have been the Node one.
    const hostChecked = output.some((line) => line.includes('is VS Code for the Web with no Node API reachable') && !/^\s*\d+\)/.test(line));
    if (!hostChecked) results.push({ name: 'web suite ran in the web worker host', status: 'failed', seconds: 0, detail: [] });
    log(`${code === 0 && failedTests === 0 && hostChecked ? 'PASS' : 'FAIL'} ${name} (${((Date.now() - since) / 1000).toFixed(1)} s): ${passing} passing, ${failing} failing, exit code ${code}`);
    if (code === 'timeout') console.log(`         no exit within ${SUITE_TIMEOUT_MS / 1000} s`);
  } finally {
    clearTimeout(timer);
    await wb.close();
    await instance.stop();
  }
}

/** Journeys 1-5 again, in the browser against the web worker host, on a fresh copy of the workspace. */
async function runWebSteps(browser: Browser, vsix: string): Promise<void> {
  const steps = WEB_STEPS.filter((step) => !selected || selected.some((id) => step.id === id || step.id.startsWith(`${id}-`)));
  if (steps.length === 0) return;
  const workspace = join(runDir, 'web-workspace');
  cpSync(join(root, 'test/e2e/workspace'), workspace, { recursive: true });
  const since = Date.now();
  const instance = await startInstance({ name: 'web', settings: { ...JOURNEY_SETTINGS, ...WEB_EXTENSION_KIND }, vsix });
  const wb = await Workbench.open(browser, instance.url(workspace), resultsDir, 'web');
  try {
    await wb.waitForExplorer();
    log(`workbench "web" (web worker extension host) ready in ${((Date.now() - since) / 1000).toFixed(1)} s`);
    await webJourneys(steps, { root, workspace, wb, instanceDir: instance.dir, log, record });
  } finally {
    await wb.close();
    await instance.stop();
  }
}

function summary(): number {
  const count = (status: Result['status']) => results.filter((result) => result.status === status).length;
  const [passed, failed, skipped] = [count('passed'), count('failed'), count('skipped')];
  console.log(`\nEnd-to-end run took ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots and logs in ${resultsDir}`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

  const since = Date.now();
  const state = setup();
  if (state !== 'ok') {
    const reason = state === 'unavailable'
      ? 'code-server or Chromium could not be installed on this machine (see the [e2e setup] lines above)'
      : 'scripts/e2e/setup.sh failed unexpectedly (see above)';
    banner('SKIPPED', reason);
    console.log(`0 passed, 0 failed, ${STEPS.length + 1} skipped`);
    return state === 'unavailable' ? 0 : 1;
  }
  log(`tools ready in ${((Date.now() - since) / 1000).toFixed(1)} s: route ${tools.route.toUpperCase()}, code-server ${tools.codeServerVersion}`);

  runDir = mkdtempSync(join(tmpdir(), 'pm-e2e-'));
  let browser: Browser | undefined;
  try {
    if (!process.env.PM_E2E_VSIX) run('npm', ['run', '--silent', 'package'], 'packaging the extension (npm run package)');
    const built = resolve(root, process.env.PM_E2E_VSIX ?? 'postmortem.vsix');
    if (!existsSync(built)) throw new Error(`no .vsix at ${built}`);
    // Our own copy: the one in the work tree belongs to whoever packages next.
    const vsix = join(runDir, 'postmortem.vsix');
    copyFileSync(built, vsix);
    // The CLI is the oracle for what the editor must show; it comes from the same build.
    if (!existsSync(join(root, 'dist/cli.cjs'))) run(process.execPath, ['scripts/build.mjs', 'cli'], 'building the CLI');

    browser = await chromium.launch({ executablePath: tools.chromium, args: CHROMIUM_ARGS });
    await runSuite(browser, vsix);
    await runSteps(browser, vsix);
    await runWebSuite(browser, vsix);
    await runWebSteps(browser, vsix);
  } finally {
    await browser?.close().catch(() => undefined);
    mkdirSync(join(resultsDir, 'logs'), { recursive: true });
    for (const instance of instances) {
      await instance.stop();
      cpSync(instance.logFile, join(resultsDir, 'logs', `code-server-${instance.options.name}.log`), { force: true });
    }
    if (process.env.PM_E2E_KEEP) log(`kept ${runDir}`);
    else rmSync(runDir, { recursive: true, force: true });
  }
  return summary();
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    killAll();
    banner('FAILED', error instanceof Error ? error.message : String(error));
    if (error instanceof Error && error.stack) console.error(error.stack);
    results.push({ name: 'run', status: 'failed', seconds: 0, detail: [] });
    summary();
    process.exit(1);
  },
);
