import type { Rule } from './rule.js';

export const frontMatterUnreadable: Rule = {
  name: 'front-matter-unreadable',
  description: 'The YAML front matter cannot be read, so nothing in it counts: not its template, title or fields.',
  defaultSeverity: 'warning',
  fixable: false,
  check({ postmortem, report }) {
    const frontMatter = postmortem.frontMatter;
    if (!frontMatter?.error) return;
    // A colon in a value is the usual cause: `title: Postmortem: Disk full` needs quotes.
    const colon = /compact mappings|implicit key/i.test(frontMatter.error) ? ' A value with ": " in it needs quotes (title: "Postmortem: Disk full").' : '';
    report({
      range: frontMatter.errorRange ?? frontMatter.range,
      message: `The front matter cannot be read (${frontMatter.error.replace(/[.\s]+$/, '')}), so none of it counts: not its template, title or fields.${colon}`,
    });
  },
};
