// A section appended at the end of a document must not land inside a fenced code block or an HTML
// block the author left open (an unclosed ``` or <!--): Markdown would read it as code or as a
// comment and the section would still be missing. The fix closes the block first; what it held
// reads the same, since an open block ends at the end of the document anyway.
import type { Root } from 'mdast';
import type { Postmortem } from '../types.js';
import { parseMarkdown, type ParseCache } from '../parse/markdown.js';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** HTML blocks that run until a marker rather than a blank line (CommonMark kinds 1 to 5). */
const HTML_BLOCKS: { open: RegExp; closed: RegExp; close: (source: string) => string }[] = [
  {
    open: /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i,
    closed: /<\/(?:script|pre|style|textarea)>/i,
    close: (source) => `</${/^ {0,3}<([a-z]+)/i.exec(source)![1].toLowerCase()}>`,
  },
  { open: /^ {0,3}<!--/, closed: /-->/, close: () => '-->' },
  { open: /^ {0,3}<\?/, closed: /\?>/, close: () => '?>' },
  { open: /^ {0,3}<!\[CDATA\[/, closed: /\]\]>/, close: () => ']]>' },
  { open: /^ {0,3}<![A-Za-z]/, closed: />/, close: () => '>' },
];

const closers = new WeakMap<Postmortem, string>();

/**
 * The line that closes the block still open at the end of the document, or '' when none is.
 * `cache` is the analysis's parse cache: the document's last piece is usually in it already.
 */
export function openBlockCloser(postmortem: Postmortem, cache?: ParseCache): string {
  let close = closers.get(postmortem);
  // Stryker disable next-line ConditionalExpression: a cache; computing again gives the same
  if (close === undefined) {
    close = findCloser(postmortem, cache);
    closers.set(postmortem, close);
  }
  return close;
}

function findCloser(postmortem: Postmortem, cache: ParseCache | undefined): string {
  const { text } = postmortem;
  // A top-level heading ends every block before it, so the document's last block can be
  // found by parsing from the last heading on, not the whole document.
  // Stryker disable all: shortcuts past parsing the whole document; without them the answer is the same
  const last = postmortem.allSections[postmortem.allSections.length - 1];
  const from = last?.headingRange.start ?? 0;
  if (!mayEndOpen(text, from)) return '';
  const tail = text.slice(from);
  const { pieces } = parseMarkdown(tail, { cache });
  // Stryker restore all
  const tree: Root | undefined = pieces[pieces.length - 1]?.tree;
  const node = tree?.children[tree.children.length - 1];
  if (!node?.position || (node.type !== 'code' && node.type !== 'html')) return '';
  const shift = pieces[pieces.length - 1].shift;
  const source = tail.slice(node.position.start.offset! + shift, node.position.end.offset! + shift);
  if (node.type === 'code') {
    const open = FENCE.exec(source);
    if (!open) return ''; // indented code ends at the first line that is not indented
    const lines = source.split(/\r\n|\r|\n/);
    const closing = lines.length > 1 ? CLOSING_FENCE.exec(lines[lines.length - 1]) : null;
    const closed = closing !== null && closing[1][0] === open[1][0] && closing[1].length >= open[1].length;
    return closed ? '' : open[1];
  }
  const kind = HTML_BLOCKS.find((k) => k.open.test(source));
  if (!kind) return ''; // the other HTML blocks end at a blank line, which the insertion has
  // No opener contains its own marker, and the marker may share the opening line ("<!-->").
  return kind.closed.test(source) ? '' : kind.close(source);
}

/** Only a line that could open a fence or an HTML block can leave one open; without one, no parse. */
const MAY_OPEN = /^\uFEFF? {0,3}(?:`{3}|~{3}|<)/m; // (a BOM may start the first line)

function mayEndOpen(text: string, from: number): boolean {
  // Stryker disable next-line MethodExpression: testing the whole text only parses more often
  return MAY_OPEN.test(text.slice(from));
}
