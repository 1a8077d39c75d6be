// The document itself, rendered through unified: raw HTML is parsed, then sanitized with the default
// (GitHub-like) schema, so what reaches the page is a known-safe subset whatever the Markdown says.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { visit, SKIP } from 'unist-util-visit';
import type { Element, ElementContent, Root } from 'hast';
import { escapeHtml } from './html.js';

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'table', 'tr', 'hr', 'dl', 'dt', 'dd', 'details']);

/** Runs after sanitizing, so these attributes are ours and cannot be forged by the document. */
function rehypeLines() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const line = node.position?.start.line;
      if (line !== undefined && BLOCKS.has(node.tagName)) node.properties.dataLine = line - 1;
    });
  };
}

/** Images load only from https, and only when the user allows remote images; the rest become their alt text. */
function rehypeImages(options: { allowRemote: boolean }) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (!parent || index === undefined) return;
      // <picture><source srcset> would load without going through the img check.
      if (node.tagName === 'source') {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (node.tagName !== 'img') return;
      const src = typeof node.properties.src === 'string' ? node.properties.src : '';
      if (options.allowRemote && /^https:\/\//i.test(src)) {
        node.properties.referrerPolicy = 'no-referrer';
        node.properties.loading = 'lazy';
        return;
      }
      const alt = typeof node.properties.alt === 'string' && node.properties.alt ? node.properties.alt : 'image';
      const why = /^https?:/i.test(src) ? 'remote images are off (postmortem.preview.allowRemoteImages)' : 'not shown in the preview';
      const placeholder: ElementContent = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['image-blocked'], title: src || undefined },
        children: [{ type: 'text', value: `[${alt}: ${why}]` }],
      };
      parent.children.splice(index, 1, placeholder);
      return SKIP;
    });
  };
}

type HtmlProcessor = Processor<any, any, any, any, string>;
const processors = new Map<string, HtmlProcessor>();

function processor(allowRemoteImages: boolean, raw: boolean): HtmlProcessor {
  const key = `${allowRemoteImages}/${raw}`;
  let found = processors.get(key);
  if (!found) {
    const base = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkRehype, { allowDangerousHtml: raw });
    // Without raw HTML, remark-rehype leaves none to parse; skipping parse5 saves a tenth of the time.
    found = (raw ? base.use(rehypeRaw) : base)
      .use(rehypeSanitize)
      .use(rehypeImages, { allowRemote: allowRemoteImages })
      .use(rehypeLines)
      .use(rehypeStringify)
      .freeze() as unknown as HtmlProcessor;
    processors.set(key, found);
  }
  return found;
}

export function renderMarkdown(markdown: string, allowRemoteImages: boolean): string {
  return String(processor(allowRemoteImages, markdown.includes('<')).processSync(markdown));
}

// Anything Markdown or GFM could turn into markup: emphasis, code, links, autolinks, HTML, entities, escapes.
const MARKUP = /[\\`*_[\]<>!~&@]|https?:\/\/|www\./i;

/** One line of Markdown (a timeline entry, an action item) as inline HTML, without the paragraph around it. */
export function renderInline(markdown: string, allowRemoteImages: boolean): string {
  // Most entries are plain prose; a full pipeline run for each would dominate the render.
  if (!MARKUP.test(markdown)) return escapeHtml(markdown.trim());
  const html = renderMarkdown(markdown.replace(/\r?\n/g, ' '), allowRemoteImages).trim();
  const paragraph = /^<p data-line="0">([\s\S]*)<\/p>$/.exec(html);
  // Text that Markdown reads as a block (`1. Do X`, `# x`) is shown as written.
  return paragraph && !paragraph[1].includes('<p') ? paragraph[1] : escapeHtml(markdown);
}
