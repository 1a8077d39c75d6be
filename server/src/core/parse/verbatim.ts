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

/** Every verbatim span, in document order; nothing inside one is listed again. Walked without recursion. */
export function readVerbatim(blocks: Block[]): Verbatim[] {
  const found: Verbatim[] = [];
  for (const { node, shift } of blocks) {
    const stack: AnyNode[] = [node as AnyNode];
    while (stack.length) {
      const current = stack.pop()!;
      const kind = KINDS[current.type];
      if (kind && current.position) {
        found.push({ kind, range: { start: current.position.start.offset! + shift, end: current.position.end.offset! + shift } });
      } else if (current.children) {
        for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]);
      }
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
