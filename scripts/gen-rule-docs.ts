// Regenerates the generated blocks of README.md (the rules table from the rule metadata, the
// Performance table from bench/results.json); `--check` fails if any is stale.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { RULES } from '../server/src/core/index.js';
import { rulesTable } from './docs/rules-table.js';
import { performanceTable, type BenchResults } from './docs/performance-table.js';

const BLOCKS: { name: string; source: string; render(): string }[] = [
  { name: 'rules', source: 'the rule metadata', render: rulesTable },
  { name: 'performance', source: 'bench/results.json', render: () => performanceTable(JSON.parse(readFileSync('bench/results.json', 'utf8')) as BenchResults) },
];

const readme = readFileSync('README.md', 'utf8');
let updated = readme;
for (const block of BLOCKS) {
  const START = `<!-- ${block.name}:start -->`;
  const END = `<!-- ${block.name}:end -->`;
  const start = updated.indexOf(START);
  const end = updated.indexOf(END);
  if (start < 0 || end < start || updated.indexOf(START, start + 1) >= 0) {
    console.error(`README.md needs exactly one ${START} … ${END} pair.`);
    process.exit(1);
  }
  updated = updated.slice(0, start + START.length) + '\n' + block.render() + '\n' + updated.slice(end);
}
const missingPages = RULES.filter((rule) => !existsSync(`docs/rules/${rule.name}.md`)).map((rule) => rule.name);
if (missingPages.length) {
  console.error(`Rules without a documentation page in docs/rules/: ${missingPages.join(', ')}`);
  process.exit(1);
}
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error(`A generated block of README.md (${BLOCKS.map((b) => `${b.name}, from ${b.source}`).join('; ')}) is out of date; run \`npm run docs\`.`);
    process.exit(1);
  }
  console.log('README.md generated blocks are up to date.');
} else {
  writeFileSync('README.md', updated);
  console.log('README.md generated blocks regenerated.');
}
