import { defineConfig } from 'vitest/config';
import SmallTestsFirst from './sequencer.js';

// Stryker's test run: only the tests of the pure core, on text. The mutated files are rules,
// fixes and time, which these tests drive directly; the protocol, CLI and property tests spawn
// bundles built before the run, which do not contain the mutants. incremental.test.ts is left out:
// it checks that a cached parse equals a full one, which a mutant changes alike on both sides, and
// it is four fifths of the core tests' time. fix-all.test.ts is left out too: it runs Fix All over
// every example under every template (60% of the remaining time, paid again by every mutant it
// covers, which is all of them); the behaviours it samples have their own tests here.
process.env.NODE_ENV = 'production'; // as in vitest.config.ts: the dependencies' production builds
// Timing tests measure the instrumented code on a loaded machine: a slow run would count as a kill.
process.env.PM_MUTATION_RUN = '1';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/core/**/*.test.ts'],
    // config, templates, front matter and metrics test modules outside the mutated folders, and
    // each mutant that survives would pay for them again.
    exclude: ['incremental', 'fix-all', 'config', 'templates', 'front-matter-template', 'metrics'].map((name) => `test/core/${name}.test.ts`),
    // One module graph per worker instead of one per test file and run: most of a mutant's time
    // was spent importing the engine again. Safe because Stryker switches mutants at run time
    // (module-level code runs unmutated) and the two lazy tables in time/ are not mutated.
    isolate: false,
    sequence: { sequencer: SmallTestsFirst },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
