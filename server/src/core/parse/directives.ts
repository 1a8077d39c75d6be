import type { Piece } from './markdown.js';
import type { Html, Root } from 'mdast';
import { nodesOfType } from './text.js';
import type { DisableDirective } from '../types.js';

// Bounded repetition keeps this linear on hostile input.
const DIRECTIVE = /<!--\s{0,20}postmortem-(disable-next-line|disable-line|disable|enable)((?:[ \t,]{1,20}[\w-]{1,60}){0,30})\s{0,20}-->/g;

/** `<!-- postmortem-disable rule -->` comments, from HTML nodes only (not code). */
export function readDirectives(pieces: Piece[], text: string): DisableDirective[] {
  const directives: DisableDirective[] = [];
  for (const { tree, shift } of pieces) {
    for (const found of directivesOf(tree, text, shift)) {
      directives.push({ kind: found.kind, rules: found.rules, range: { start: found.range.start + shift, end: found.range.end + shift } });
    }
  }
  return directives.sort((a, b) => a.range.start - b.range.start);
}

// Per parsed piece: an unchanged piece keeps its tree (ParseCache), so its walk is done once.
const byTree = new WeakMap<Root, DisableDirective[]>();

/** The directives of one piece, at offsets within it. A cached tree is the same piece text, so the same source. */
function directivesOf(tree: Root, text: string, shift: number): DisableDirective[] {
  let found = byTree.get(tree);
  if (found) return found;
  found = [];
  for (const node of nodesOfType<Html>(tree, 'html')) {
    if (!node.position || !node.value.includes('postmortem-')) continue;
    const base = node.position.start.offset!;
    // Matched in the source, not the node's value: in a table cell or an indented continuation
    // the value loses the line's indentation, and offsets into it would drift.
    const source = text.slice(base + shift, node.position.end.offset! + shift);
    for (const match of source.matchAll(DIRECTIVE)) {
      found.push({
        kind: match[1] as DisableDirective['kind'],
        rules: match[2].split(/[\s,]+/).filter(Boolean),
        range: { start: base + match.index!, end: base + match.index! + match[0].length },
      });
    }
  }
  byTree.set(tree, found);
  return found;
}
