export const REPOSITORY_URL = 'https://github.com/postmortem-tools/postmortem-lint';

/** The documentation page of a rule, linked from every diagnostic. */
export function ruleDocsUrl(rule: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${rule}.md`;
}
