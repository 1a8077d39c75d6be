import type { Rule } from './rule.js';
import { quote } from './rule.js';
import type { TemplateSection } from '../types.js';

export const sectionOrder: Rule = {
  name: 'section-order',
  description: 'Sections appear in a different order than the template gives.',
  defaultSeverity: 'info',
  fixable: false,
  check({ postmortem, index, template, report }) {
    if (template.ordered === false) return;
    const groups = [postmortem.sections, ...postmortem.allSections.map((section) => section.children)];
    for (const siblings of groups) {
      const seen = new Set<TemplateSection>();
      // A repeated section is duplicate-section's business; order counts first appearances.
      const placed = siblings.flatMap((section) => {
        const entry = section.template && !seen.has(section.template) ? index.entryOf(section.template) : undefined;
        if (section.template) seen.add(section.template);
        return entry ? [{ section, order: entry.index, entryParent: entry.parent }] : [];
      });
      // Only compare sections the template puts side by side.
      const comparable = placed.filter((p) => p.entryParent === placed[0]?.entryParent);
      const keep = longestIncreasing(comparable.map((p) => p.order));
      comparable.forEach((p, i) => {
        if (keep.has(i)) return;
        const later = comparable.find((q, j) => j < i && keep.has(j) && q.order > p.order);
        // A section left out of a longest increasing run has a kept one before it that the template
        // puts later, or one after it that the template puts earlier (else the run would be longer).
        const anchor = later ?? comparable.find((q, j) => j > i && keep.has(j) && q.order < p.order)!;
        const relation = later ? 'before' : 'after';
        report({
          range: p.section.headingRange,
          message: `Section ${quote(p.section.title)} is out of order: the template puts it ${relation} ${quote(anchor.section.title)}.`,
          related: [{ range: anchor.section.headingRange, message: `The template puts ${quote(p.section.title)} ${relation} this section` }],
        });
      });
    }
  },
};

/** Indices of one longest strictly increasing subsequence: the sections that are in order. Flag the rest, not a cascade. */
export function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]] < values[i]) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1];
    tails[low] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) keep.add(i);
  return keep;
}
