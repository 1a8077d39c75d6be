import type { RootContent } from 'mdast';
import type { Piece } from './markdown.js';

/** A top-level block and the offset of the piece it was parsed in. */
export interface Block {
  node: RootContent;
  shift: number;
}

export function blocksOf(pieces: Piece[]): Block[] {
  const blocks: Block[] = [];
  for (const { tree, shift } of pieces) for (const node of tree.children) blocks.push({ node, shift });
  return blocks;
}
