import { defineConfig } from 'vitest/config';

// Stryker's test run: only the tests of the pure core, on text. The mutated files are rules,
// fixes and time, which these tests drive directly; the protocol, CLI and property tests spawn
// bundles built before the run, which do not contain the mutants. incremental.test.ts is left out:
// it checks that a cached parse equals a full one, which a mutant changes alike on both sides, and
// it is four fifths of the core tests' time.
process.env.NODE_ENV = 'production'; // as in vitest.config.ts: the dependencies' production builds

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/core/**/*.test.ts'],
    exclude: ['test/core/incremental.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
