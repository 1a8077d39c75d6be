// Property tests on random postmortem Markdown. The run budget is FUZZ_RUNS (default 10,000,
// split across the properties); `npm run fuzz -- --runs N` runs the same properties longer.
// A failure prints fast-check's seed and path; replay with `npm run fuzz -- --seed S --path P`.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { input, PROPERTIES, runsFor, totalRuns } from './properties.js';

const total = totalRuns();

describe('engine properties on random Markdown', () => {
  for (const property of PROPERTIES) {
    const numRuns = runsFor(property, total);
    it(`${property.name} (${numRuns} runs)`, () => {
      fc.assert(fc.property(input, (value) => property.check(value)), { numRuns });
    }, 120_000);
  }
});
