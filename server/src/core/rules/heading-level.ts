import type { Rule } from './rule.js';
import { quote } from './rule.js';
import type { Postmortem, Section } from '../types.js';
import { hasContent } from './section-content.js';

export const headingLevel: Rule = {
  name: 'heading-level',
  description: 'A template section is written at a different heading level than the template asks for.',
  defaultSeverity: 'warning',
  fixable: true,
  check({ postmortem, index, text, report }) {
    const wrong = new Map<Section, number>();
    for (const section of postmortem.allSections) {
      const entry = section.template && index.entryOf(section.template);
      // Levels count from the document's title: under an H2 title, sections are H3.
      const level = entry && Math.min(entry.level + postmortem.headingOffset, 6);
      if (entry && level && level !== section.level) wrong.set(section, level);
    }
    if (wrong.size === 0) return;
    const fixable = new Map([...wrong].filter(([section]) => section.style === 'atx' && /^#{1,6}/.test(text.slice(section.headingRange.start, section.headingRange.start + 6))));
    const risky = emptiedBy(postmortem, fixable);
    for (const [section, level] of wrong) {
      const hashes = '#'.repeat(level);
      const marker = /^#{1,6}/.exec(text.slice(section.headingRange.start, section.headingRange.start + 6));
      report({
        range: section.headingRange,
        message: `Section ${quote(section.title)} should be a level ${level} heading (${hashes}), not level ${section.level}.`,
        // Setext headings (underlined) only have levels 1 and 2; rewriting them is left to the author.
        fixes:
          fixable.has(section) && marker
            ? [{
                title: `Make ${quote(section.title)} a ${hashes} heading`,
                isPreferred: true,
                // A level change that leaves a section without content is the author's call, not Fix All's.
                fixAll: !risky.has(section),
                edits: [{ start: section.headingRange.start, end: section.headingRange.start + marker[0].length, newText: hashes }],
              }]
            : [],
      });
    }
  },
};

/**
 * The sections whose level change, with every fixable level changed at once, takes all content
 * from a section that had some: a promoted `### Root Cause` leaves `## Root Cause and Resolution`
 * bare, a demoted heading hands its sub-sections to the one above. Linear in the headings.
 */
function emptiedBy(postmortem: Postmortem, changes: Map<Section, number>): Set<Section> {
  const sections = postmortem.allSections;
  const text = postmortem.text;
  const count = sections.length;
  // gapContent[i]: content between heading i and heading i + 1 (i = count - 1: to the end).
  const gapContent = sections.map((section, i) => hasContent(text.slice(section.headingRange.end, i + 1 < count ? sections[i + 1].headingRange.start : text.length)));
  const prefix = [0];
  for (const has of gapContent) prefix.push(prefix[prefix.length - 1] + (has ? 1 : 0));
  const oldLevels = sections.map((s) => s.level);
  const newLevels = sections.map((s) => changes.get(s) ?? s.level);
  const oldEnds = bodyEnds(oldLevels);
  const newEnds = bodyEnds(newLevels);
  const risky = new Set<Section>();
  for (let i = 0; i < count; i++) {
    const had = prefix[oldEnds[i]] - prefix[i] > 0;
    const has = prefix[newEnds[i]] - prefix[i] > 0;
    if (!had || has) continue;
    // Its own change, or a promotion inside its old body, is what emptied it.
    for (let j = i; j < oldEnds[i]; j++) if (changes.has(sections[j])) risky.add(sections[j]);
  }
  return risky;
}

/** For each heading, the index of the next heading at its level or higher (the end of its section). */
function bodyEnds(levels: number[]): number[] {
  const ends = levels.map(() => levels.length);
  const open: number[] = [];
  levels.forEach((level, i) => {
    while (open.length && levels[open[open.length - 1]] >= level) ends[open.pop()!] = i;
    open.push(i);
  });
  return ends;
}
