// Where the text is not the author's own prose: code, links, HTML, quotations and front matter.
// Wording rules (blameless-language, placeholder-text) look past these.
import type { Verbatim } from '../types.js';
import type { Block } from './blocks.js';

interface AnyNode {
  type: string;
  children?: AnyNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const KINDS: Record<string, Verbatim['kind']> = {
  code: 'code',
  inlineCode: 'code',
  link: 'link',
  linkReference: 'link',
  image: 'link',
  imageReference: 'link',
  definition: 'link',
  html: 'html',
  blockquote: 'quote',
  yaml: 'front matter',
};

/**
 * A block's spans, offsets as parsed: blocks of unchanged pieces are the cache's same objects from
 * one edit to the next, so their walk is done once (it was ~20 ms per edit on 1 MB). The spans as
 * last shifted are kept too: a block before the edit keeps its shift, and its spans, as they were.
 */
const spansOfBlock = new WeakMap<object, { own: Verbatim[]; shift: number; shifted: Verbatim[] }>();

/** Every verbatim span, in document order; nothing inside one is listed again. */
export function readVerbatim(blocks: Block[]): Verbatim[] {
  const found: Verbatim[] = [];
  for (const { node, shift } of blocks) {
    let memo = spansOfBlock.get(node);
    if (!memo) spansOfBlock.set(node, (memo = { own: walk(node as AnyNode), shift: 0, shifted: [] }));
    if (memo.shift !== shift || memo.shifted.length !== memo.own.length) {
      memo.shift = shift;
      memo.shifted = shift === 0 ? memo.own : memo.own.map(({ kind, range }) => ({ kind, range: { start: range.start + shift, end: range.end + shift } }));
    }
    for (const span of memo.shifted) found.push(span);
  }
  return found;
}

/** A block's spans at its own offsets; walked without recursion. */
function walk(node: AnyNode): Verbatim[] {
  const found: Verbatim[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    const kind = KINDS[current.type];
    if (kind && current.position) {
      found.push({ kind, range: { start: current.position.start.offset!, end: current.position.end.offset! } });
    } else if (current.children) {
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]);
    }
  }
  return found;
}

/** Whether [start, end) overlaps a verbatim span of the given kinds (spans sorted by start). */
export function inVerbatim(spans: readonly Verbatim[], start: number, end: number, kinds?: readonly Verbatim['kind'][]): boolean {
  // Spans do not overlap, so their ends are sorted too: find the last one starting before `end`,
  // then walk back while they still reach past `start`.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].range.start < end) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && spans[i].range.end > start; i--) {
    if (!kinds || kinds.includes(spans[i].kind)) return true;
  }
  return false;
}
