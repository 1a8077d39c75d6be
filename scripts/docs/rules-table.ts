// The rules table in README.md, from the rule metadata.
import { RULES } from '../../server/src/core/index.js';

export function rulesTable(): string {
  const rows = RULES.map((rule) => `| [\`${rule.name}\`](docs/rules/${rule.name}.md) | ${rule.description} | ${rule.defaultSeverity} | ${rule.fixable ? 'yes' : 'no'} |`);
  return ['| Rule | What it checks | Default severity | Fixable |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
