import type { Rule } from './rule.js';
import { quote } from './rule.js';
import { closestTag } from './closest-tag.js';

/** What an unknown tag gets, the same for every item that writes it. */
interface Verdict {
  suggestion: string | undefined;
  message: string;
  /** The suggestion's fix title. */
  title: string;
}

export const actionItemUnknownTag: Rule = {
  name: 'action-item-unknown-tag',
  description: 'An action item is tagged with a label the template does not know (a typo like “Fxi”).',
  defaultSeverity: 'warning',
  fixable: true,
  check({ postmortem, template, report }) {
    // A team's own vocabulary repeats a few tags over many items: one suggestion and one message per
    // distinct tag, and one fix title per known tag (an edit distance per item per keystroke was
    // ~37 ms on 1,300 items, and the strings built again per item were garbage on every keystroke).
    // The fixes themselves are per item: their edits carry its offsets.
    const verdicts = new Map<string, Verdict>();
    const known = template.tags.join(', ');
    let titles: string[] | undefined;
    for (const item of postmortem.actionItems) {
      if (item.tag !== null || item.writtenTag === undefined || !item.tagRange) continue;
      const { start, end } = item.tagRange;
      let verdict = verdicts.get(item.writtenTag);
      if (!verdict) verdicts.set(item.writtenTag, (verdict = judge(item.writtenTag, template.tags, known)));
      const { suggestion, message, title } = verdict;
      report({
        range: item.tagRange,
        message,
        fixes: suggestion
          ? [{ title, isPreferred: true, edits: [{ start, end, newText: suggestion }] }]
          : (titles ??= template.tags.map(changeTo)).map((each, i) => ({ title: each, edits: [{ start, end, newText: template.tags[i] }] })),
      });
    }
  },
};

function judge(written: string, tags: string[], known: string): Verdict {
  const suggestion = closestTag(written, tags);
  return {
    suggestion,
    message: suggestion
      ? `Unknown tag ${quote(written)}: did you mean ${quote(suggestion)}? Known tags: ${known}.`
      : `Unknown tag ${quote(written)}. Known tags: ${known}.`,
    title: suggestion ? changeTo(suggestion) : '',
  };
}

const changeTo = (tag: string) => `Change to ${tag}`;
