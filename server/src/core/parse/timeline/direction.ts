// A file may say which way its timeline runs: `<!-- postmortem-timeline newest-first -->`, or front
// matter `timeline: newest-first`. It wins over the template's order for that file.
import type { Piece } from '../markdown.js';
import type { Postmortem, Range } from '../../types.js';

const MARKER = /<!--\s{0,20}postmortem-timeline\s{1,20}(newest-first|oldest-first)\s{0,20}-->/;
const WORDS: Record<string, 'ascending' | 'descending'> = {
  'newest-first': 'descending',
  descending: 'descending',
  'oldest-first': 'ascending',
  ascending: 'ascending',
};

export const TIMELINE_MARKER = (order: 'ascending' | 'descending') =>
  `<!-- postmortem-timeline ${order === 'descending' ? 'newest-first' : 'oldest-first'} -->`;

export function readTimelineDirection(pieces: Piece[], frontMatter: Postmortem['frontMatter']): Postmortem['timelineDirection'] {
  const declared = frontMatter?.data?.['timeline'] ?? frontMatter?.data?.['timeline-order'];
  if (typeof declared === 'string' && WORDS[declared.trim().toLowerCase()] && frontMatter) {
    return { order: WORDS[declared.trim().toLowerCase()], range: frontMatter.range };
  }
  for (const { tree, shift } of pieces) {
    for (const node of tree.children) {
      if (node.type !== 'html' || !node.position || !node.value.includes('postmortem-timeline')) continue;
      const match = MARKER.exec(node.value);
      if (!match) continue;
      const start = node.position.start.offset! + shift + match.index;
      const range: Range = { start, end: start + match[0].length };
      return { order: WORDS[match[1]], range };
    }
  }
  return undefined;
}
