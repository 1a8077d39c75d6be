// Regions an editor can fold: each section (heading to its last non-blank line), the front
// matter, and each run of timeline entries or action items.
import type { Postmortem, Range } from '../types.js';

export interface FoldingRegion extends Range {
  kind: 'section' | 'list' | 'frontMatter';
}

export function foldingRegions(postmortem: Postmortem): FoldingRegion[] {
  const { text } = postmortem;
  const regions: FoldingRegion[] = [];
  if (postmortem.frontMatter) regions.push({ ...postmortem.frontMatter.range, kind: 'frontMatter' });
  for (const section of postmortem.allSections) {
    regions.push({ start: section.range.start, end: trimEnd(text, section.range), kind: 'section' });
  }
  for (const run of [...runs(text, postmortem.timeline), ...runs(text, postmortem.actionItems)]) regions.push({ ...run, kind: 'list' });
  return regions.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Where a range ends once trailing blank lines and spaces are dropped. */
function trimEnd(text: string, range: Range): number {
  let end = range.end;
  while (end > range.start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Consecutive items of one section with only whitespace between them. */
function runs(text: string, items: { range: Range; section: unknown }[]): Range[] {
  const found: Range[] = [];
  let current: { range: Range; section: unknown } | undefined;
  let start = 0;
  for (const item of items) {
    const adjacent = current && current.section === item.section && text.slice(current.range.end, item.range.start).trim() === '';
    if (!adjacent) {
      if (current) found.push({ start, end: trimEnd(text, { start, end: current.range.end }) });
      start = item.range.start;
    }
    current = item;
  }
  if (current) found.push({ start, end: trimEnd(text, { start, end: current.range.end }) });
  return found;
}
