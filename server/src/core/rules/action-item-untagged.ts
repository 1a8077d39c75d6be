import type { Rule } from './rule.js';
import { firstLine } from './rule.js';

export const actionItemUntagged: Rule = {
  name: 'action-item-untagged',
  description: 'An action item has no tag saying what kind of action it is.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ postmortem, template, text, report }) {
    for (const item of postmortem.actionItems) {
      if (item.tag !== null || item.writtenTag !== undefined) continue;
      report({
        range: firstLine(text, { start: item.contentStart, end: item.range.end }),
        message: `Action item has no tag; start it with one of ${template.tags.map((tag) => `**${tag}:**`).join(', ')}.`,
        // No tag is the obvious one, so none is preferred and fix-all leaves these to the author.
        fixes: template.tags.map((tag) => ({
          title: `Tag as ${tag}`,
          edits: [{ start: item.contentStart, end: item.contentStart, newText: `**${tag}:** ` }],
        })),
      });
    }
  },
};
