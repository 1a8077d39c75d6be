// The web worker extension host's suite entry (extensionTestsPath): the same suite files as
// suite/index.ts, with mocha's browser build bundled in, because the host lets an extension
// require only `vscode`. scripts/build.mjs (target vscode-tests-web) generates the entry that
// passes `load`, which requires every suite/*.test.ts.
import 'mocha/mocha.js';

interface BrowserMocha {
  setup(options: Record<string, unknown>): void;
  run(done: (failures: number) => void): void;
}
type Log = (...args: unknown[]) => void;

/** What test/e2e/run.ts looks for in the page's log to tell the suite's lines from the workbench's. */
const MARK = '\u200b[suite] ';

export function runSuite(load: () => void): Promise<void> {
  const { mocha, Mocha } = globalThis as unknown as { mocha: BrowserMocha; Mocha: { reporters: { Base: { consoleLog: Log } } } };
  // The host sends console arguments as they are ("%d passing (%s)", 2, "4s"): the mark goes
  // into the format string, and the runner formats what follows it.
  const log = Mocha.reporters.Base.consoleLog;
  Mocha.reporters.Base.consoleLog = (...args) => (typeof args[0] === 'string' ? log(MARK + args[0], ...args.slice(1)) : log(MARK, ...args));
  // spec writes through console.log, which the page's smoke-test driver receives.
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  load();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension test(s) failed`)) : resolve()));
  });
}
