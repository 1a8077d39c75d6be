import { RULES, ruleDocsUrl, type Severity } from '../core/index.js';
import type { FileResult } from './file-result.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0 as GitHub code scanning accepts it: relative URIs, 1-based regions. */
export function formatSarif(results: FileResult[], version: string): string {
  const ruleIds = [...RULES.map((rule) => rule.name)];
  const descriptors = RULES.map((rule) => ({
    id: rule.name,
    name: rule.name,
    shortDescription: { text: rule.description },
    helpUri: ruleDocsUrl(rule.name),
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  }));
  const sarifResults = results.flatMap((result) =>
    result.problems.map((problem) => {
      let ruleIndex = ruleIds.indexOf(problem.rule);
      if (ruleIndex < 0) {
        // Engine notices (file-too-large, empty-file) get a descriptor of their own.
        ruleIds.push(problem.rule);
        descriptors.push({ id: problem.rule, name: problem.rule, shortDescription: { text: problem.rule }, helpUri: ruleDocsUrl(problem.rule), defaultConfiguration: { level: LEVEL[problem.severity] } });
        ruleIndex = ruleIds.length - 1;
      }
      return {
        ruleId: problem.rule,
        ruleIndex,
        level: LEVEL[problem.severity],
        message: { text: problem.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodeURI(result.file.replace(/\\/g, '/').replace(/^\.\//, '')), uriBaseId: '%SRCROOT%' },
            region: { startLine: problem.line, startColumn: problem.column, endLine: problem.endLine, endColumn: problem.endColumn },
          },
        }],
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'postmortem-lint', version, informationUri: 'https://github.com/postmortem-tools/postmortem-lint', rules: descriptors } },
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
