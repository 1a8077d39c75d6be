// Regenerates the rules table in README.md from the rule metadata; `--check` fails if it is stale.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { RULES } from '../server/src/core/index.js';

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

export function rulesTable(): string {
  const rows = RULES.map((rule) => `| [\`${rule.name}\`](docs/rules/${rule.name}.md) | ${rule.description} | ${rule.defaultSeverity} | ${rule.fixable ? 'yes' : 'no'} |`);
  return ['| Rule | What it checks | Default severity | Fixable |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  console.error(`README.md lacks the ${START} … ${END} markers.`);
  process.exit(1);
}
const updated = readme.slice(0, start + START.length) + '\n' + rulesTable() + '\n' + readme.slice(end);
const missingPages = RULES.filter((rule) => !existsSync(`docs/rules/${rule.name}.md`)).map((rule) => rule.name);
if (missingPages.length) {
  console.error(`Rules without a documentation page in docs/rules/: ${missingPages.join(', ')}`);
  process.exit(1);
}
if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('The rules table in README.md is out of date; run `npm run docs`.');
    process.exit(1);
  }
  console.log('Rules table is up to date.');
} else {
  writeFileSync('README.md', updated);
  console.log('README.md rules table regenerated.');
}
