// Section-incremental parsing: a document is cut before its top-level ATX headings, each piece is
// parsed on its own and cached by content, so an edit re-parses only the piece it touched.

const FENCE = /^( {0,3})(`{3,}|~{3,})/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;
/** First characters of a line that can open a heading or a fence: `#`, backtick, `~`, space. */
const MAY_DECIDE = new Set([0x23, 0x60, 0x7e, 0x20]);
// Link reference and footnote definitions resolve across the whole document: no cutting then.
const DEFINITION = /^ {0,3}\[[^\]\n]{1,999}\]:/m;

/** Offsets where pieces start: 0, then every column-0 ATX heading outside front matter and fences. */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  if (DEFINITION.test(text)) return starts;
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let fence: { char: string; length: number } | null = null;
  let frontMatter = text.startsWith('---', lineStart);
  let first = true;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // Outside fences and front matter, a line that starts with none of # ` ~ or a space decides nothing.
    if (!fence && !frontMatter && !MAY_DECIDE.has(text.charCodeAt(lineStart))) {
      first = false;
      lineStart = lineEnd + 1;
      continue;
    }
    // Only the head of a line decides anything here; a 1 MB line is not copied.
    const head = text.slice(lineStart, Math.min(lineEnd, lineStart + 256)).replace(/\r$/, '');
    if (frontMatter) {
      // remark-frontmatter closes YAML at `---` only (not YAML's `...`).
      if (!first && /^---[ \t]*$/.test(head)) frontMatter = false;
    } else if (fence) {
      const close = FENCE.exec(head);
      if (close && close[2][0] === fence.char && close[2].length >= fence.length && head.slice(close[0].length).trim() === '') fence = null;
    } else {
      const open = FENCE.exec(head);
      if (open && !(open[2][0] === '`' && head.slice(open[0].length).includes('`'))) fence = { char: open[2][0], length: open[2].length };
      else if (HEADING.test(head) && lineStart > 0) starts.push(lineStart);
    }
    first = false;
    lineStart = lineEnd + 1;
  }
  return starts;
}
