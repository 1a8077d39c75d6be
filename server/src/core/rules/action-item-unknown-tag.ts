import type { Rule } from './rule.js';
import { quote } from './rule.js';
import { closestTag } from './closest-tag.js';

export const actionItemUnknownTag: Rule = {
  name: 'action-item-unknown-tag',
  description: 'An action item is tagged with a label the template does not know (a typo like “Fxi”).',
  defaultSeverity: 'warning',
  fixable: true,
  check({ postmortem, template, report }) {
    // A team's own vocabulary repeats a few tags over many items: one suggestion per distinct tag
    // (an edit distance per item per keystroke was ~37 ms on 1,300 items).
    const suggestions = new Map<string, string | undefined>();
    const known = template.tags.join(', ');
    for (const item of postmortem.actionItems) {
      if (item.tag !== null || item.writtenTag === undefined || !item.tagRange) continue;
      const { start, end } = item.tagRange;
      let suggestion = suggestions.get(item.writtenTag);
      if (!suggestions.has(item.writtenTag)) suggestions.set(item.writtenTag, (suggestion = closestTag(item.writtenTag, template.tags)));
      report({
        range: item.tagRange,
        message: suggestion
          ? `Unknown tag ${quote(item.writtenTag)}: did you mean ${quote(suggestion)}? Known tags: ${known}.`
          : `Unknown tag ${quote(item.writtenTag)}. Known tags: ${known}.`,
        fixes: suggestion
          ? [{ title: `Change to ${suggestion}`, isPreferred: true, edits: [{ start, end, newText: suggestion }] }]
          : template.tags.map((tag) => ({ title: `Change to ${tag}`, edits: [{ start, end, newText: tag }] })),
      });
    }
  },
};
