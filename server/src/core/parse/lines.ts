/** Offsets at which each line starts; \r\n, \n and lone \r all end a line, as in LSP. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  // Without a \r, the native indexOf finds the lines several times faster than a loop over every character.
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Zero-based line of an offset. */
export function lineOf(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Zero-based line and UTF-16 column of an offset. */
export function positionOf(lineStarts: number[], offset: number): { line: number; character: number } {
  const line = lineOf(lineStarts, offset);
  return { line, character: offset - lineStarts[line] };
}

/** The line ending the document already uses, so inserted text matches it. */
export function detectEol(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

const LINE_BREAK = /\r\n?|\n/g;

/**
 * The line starting at `from` within [from, end): where its text ends (before \r\n, \r or \n) and
 * where the next line starts. A range ending at `lineEnd` never splits a CRLF.
 */
export function lineAt(text: string, from: number, end: number): { lineEnd: number; next: number } {
  LINE_BREAK.lastIndex = from;
  const match = LINE_BREAK.exec(text);
  if (!match || match.index >= end) return { lineEnd: end, next: end + 1 };
  return { lineEnd: match.index, next: match.index + match[0].length };
}
