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
        // Problems panels show messages as plain text: name the tags, not their raw Markdown.
        message: item.tagRange
          ? `Action item has no tag; write one of ${listTags(template.tags)} in its Type column (quick fix).`
          : `Action item has no tag; start it with one of ${listTags(template.tags)}, in bold with a colon (quick fix).`,
        // No tag is the obvious one, so none is preferred and fix-all leaves these to the author.
        // A table row's tag goes in its empty Type cell.
        fixes: template.tags.map((tag) => ({
          title: `Tag as ${tag}`,
          edits: [item.tagRange
            ? { ...item.tagRange, newText: tag }
            : { start: item.contentStart, end: item.contentStart, newText: `**${tag}:** ` }],
        })),
      });
    }
  },
};

/** "Fix, Improvement or TODO". */
function listTags(tags: readonly string[]): string {
  return tags.length > 1 ? `${tags.slice(0, -1).join(', ')} or ${tags[tags.length - 1]}` : tags.join('');
}
