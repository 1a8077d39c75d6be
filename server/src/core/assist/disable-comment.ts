// Where "Disable <rule> for this line" writes its `<!-- postmortem-disable-line rule -->`.
import type { TextEdit } from '../types.js';

const EXISTING = /<!--[ \t]*postmortem-disable-line\b([^>]*?)[ \t]*-->[ \t]*$/;

/** An edit that silences `rule` on the line holding `offset`: a comment at its end, or the rule added to one already there. */
export function disableLineEdit(text: string, offset: number, rule: string): TextEdit {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const newline = text.slice(lineStart).search(/\r|\n/);
  const lineEnd = newline < 0 ? text.length : lineStart + newline;
  const line = text.slice(lineStart, lineEnd).trimEnd();
  const contentEnd = lineStart + line.length;

  const existing = EXISTING.exec(line);
  if (existing) {
    const at = lineStart + line.slice(0, line.lastIndexOf('-->')).trimEnd().length;
    return { start: at, end: at, newText: existing[1].trim() === '' ? ` ${rule}` : `, ${rule}` };
  }
  const comment = `<!-- postmortem-disable-line ${rule} -->`;
  // In a table row, text after the last pipe would be an extra (ignored) cell: stay inside the last one.
  if (/^[ \t]*\|.*\|$/.test(line)) {
    const pipe = lineStart + line.lastIndexOf('|');
    const spaced = /\s/.test(text[pipe - 1] ?? '');
    return { start: pipe, end: pipe, newText: `${spaced ? '' : ' '}${comment} ` };
  }
  return { start: contentEnd, end: contentEnd, newText: line === '' ? comment : ` ${comment}` };
}
