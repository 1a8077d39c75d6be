import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

// Built once: unified freezes the processor on first use, and re-creating it per keystroke is waste.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

const BOM = '\uFEFF';

export interface ParsedMarkdown {
  tree: Root;
  /** Add to every mdast offset to get an offset into the original text (micromark drops a BOM). */
  shift: number;
}

export function parseMarkdown(text: string): ParsedMarkdown {
  const shift = text.startsWith(BOM) ? 1 : 0;
  const tree = processor.parse(shift ? text.slice(shift) : text) as Root;
  return { tree, shift };
}
