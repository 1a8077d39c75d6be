// Long runs of the engine's property tests (test/robustness/properties.ts), outside vitest.
//
//   npm run fuzz -- --runs 1000000                 total runs, split across the properties
//   npm run fuzz -- --property fixAll --runs 50000  only properties whose name contains "fixAll"
//   npm run fuzz -- --seed 42 --path 17:3:0         replay a failure (prints these when one happens)
//
// On failure it prints the property, seed, path, the shrunk counterexample and the command that
// replays it, writes the counterexample's text to test-results/fuzz/, and exits with 1.
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { input, PROPERTIES, runsFor, type Input } from '../test/robustness/properties.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    path: { type: 'string' },
    property: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log('Usage: npm run fuzz -- [--runs N] [--property NAME] [--seed S [--path P]]');
  process.exit(0);
}

const total = Number(values.runs);
if (!Number.isInteger(total) || total < 1) {
  console.error(`--runs must be a positive whole number, not ${values.runs}`);
  process.exit(2);
}
const seed = values.seed === undefined ? Date.now() ^ (Math.random() * 0x100000000) : Number(values.seed);
const selected = PROPERTIES.filter((p) => !values.property || p.name.toLowerCase().includes(values.property.toLowerCase()));
if (selected.length === 0) {
  console.error(`No property matches "${values.property}". Properties:\n${PROPERTIES.map((p) => `  ${p.name}`).join('\n')}`);
  process.exit(2);
}
const shareSum = selected.reduce((sum, p) => sum + p.share, 0);

let failed = false;
for (const property of selected) {
  const numRuns = values.path ? 1 : runsFor({ ...property, share: property.share / shareSum }, total);
  const started = Date.now();
  process.stdout.write(`${property.name}: ${numRuns} runs, seed ${seed} … `);
  const details = fc.check(fc.property(input, (value: Input) => property.check(value)), { numRuns, seed, path: values.path });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!details.failed) {
    console.log(`ok (${seconds} s)`);
    continue;
  }
  failed = true;
  const [counterexample] = details.counterexample ?? [];
  console.log(`FAILED after ${details.numRuns} runs (${seconds} s)`);
  console.log(`  seed: ${details.seed}`);
  console.log(`  path: ${details.counterexamplePath}`);
  console.log(`  counterexample: ${JSON.stringify(counterexample)}`);
  console.log(`  error: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`);
  console.log(`  replay: npm run fuzz -- --property ${JSON.stringify(property.name)} --seed ${details.seed} --path ${details.counterexamplePath}`);
  if (counterexample) {
    const dir = 'test-results/fuzz';
    mkdirSync(dir, { recursive: true });
    const file = `${dir}/${property.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.md`;
    writeFileSync(file, counterexample.text);
    console.log(`  text (${counterexample.template} template): ${file}`);
  }
}
process.exit(failed ? 1 : 0);
