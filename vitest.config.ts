import { defineConfig } from 'vitest/config';

// Test the dependencies as they ship. Under NODE_ENV "test", Vitest resolves their "development"
// builds, whose assertions (micromark's) reject input the production build (what esbuild bundles,
// what users run) accepts; a property test then fails on an upstream assertion, not on our code.
process.env.NODE_ENV = 'production';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/vscode/**', 'node_modules/**'],
    // Builds the bundles once when they are stale, so a test file run alone finds them current.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
