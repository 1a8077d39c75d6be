import type { Root, RootContent } from 'mdast';

// Blocks that do not end at a column-0 heading: if one ends a piece unclosed, the cut was wrong.
const HTML_ENDS: [RegExp, string][] = [
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
];
const RAW_HTML = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;
const BLANK_LINE = /\n[ \t]*\r?\n/;

/**
 * Whether the last block of a piece might run on into the next one: an unclosed fence or HTML block,
 * at the end of the piece or at the end of its last list item or quote.
 */
export function mayRunOn(tree: Root, text: string, start: number, end: number): boolean {
  let node: RootContent | undefined = tree.children[tree.children.length - 1];
  while (node && (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') && node.children.length) {
    node = node.children[node.children.length - 1] as RootContent;
  }
  if (!node?.position) return false;
  const nodeStart = start + node.position.start.offset!;
  const nodeEnd = start + node.position.end.offset!;
  const trailing = text.slice(nodeEnd, end);
  if (trailing.trim() !== '') return false;
  if (node.type === 'html') return !isClosedHtml(text.slice(nodeStart, nodeEnd), trailing);
  return node.type === 'code' && !isClosedFence(text.slice(nodeStart, nodeEnd));
}

function isClosedHtml(source: string, trailing: string): boolean {
  const raw = RAW_HTML.exec(source);
  if (raw) return source.toLowerCase().includes(`</${raw[1].toLowerCase()}>`);
  for (const [open, close] of HTML_ENDS) {
    const opened = open.exec(source);
    if (opened) return source.includes(close, opened[0].length);
  }
  // Other HTML blocks end at a blank line only.
  return BLANK_LINE.test(trailing);
}

function isClosedFence(source: string): boolean {
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(source);
  if (!open) return true; // indented code cannot swallow a column-0 heading
  const lines = source.split('\n');
  if (lines.length < 2) return false;
  const close = /^\s*(`{3,}|~{3,})\s*$/.exec(lines[lines.length - 1].replace(/\r$/, ''));
  return !!close && close[1][0] === open[1][0] && close[1].length >= open[1].length;
}
