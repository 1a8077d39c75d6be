// Edits the server sends: versioned, so the client rejects a fix computed for an older text.
import { TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit as OffsetEdit } from '../engine-entry.js';
import { toTextEdit } from './convert.js';

/** `document` is the snapshot the edits were computed on; its version goes with them. */
export function versionedEdit(document: TextDocument, edits: OffsetEdit[], documentChanges: boolean): WorkspaceEdit {
  const textEdits = edits.map((edit) => toTextEdit(document, edit));
  if (!documentChanges) return { changes: { [document.uri]: textEdits } };
  return { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, textEdits)] };
}

const BLOCK = 4096;
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * One edit turning `before` into `after`, touching only what changed (common prefix and suffix
 * kept), so the cursor and the rest of the document stay put. Never splits \r\n or a surrogate pair.
 */
export function minimalEdit(before: string, after: string): OffsetEdit | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  // Whole blocks first (a native compare), then one character at a time: a keystroke in 1 MB is
  // found in microseconds, not the 30 ms a character loop takes.
  let start = 0;
  for (let block = BLOCK; start + block <= max; ) {
    if (before.slice(start, start + block) === after.slice(start, start + block)) start += block;
    else if (block > 16) block >>= 2;
    else break;
  }
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  for (let block = BLOCK; endBefore - block >= start && endAfter - block >= start; ) {
    if (before.slice(endBefore - block, endBefore) === after.slice(endAfter - block, endAfter)) {
      endBefore -= block;
      endAfter -= block;
    } else if (block > 16) block >>= 2;
    else break;
  }
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // An offset between \r and \n, or inside a surrogate pair, has no LSP position of its own.
  const splits = (text: string, at: number) =>
    at > 0 && at < text.length && ((text[at - 1] === '\r' && text[at] === '\n') || (isHighSurrogate(text.charCodeAt(at - 1)) && isLowSurrogate(text.charCodeAt(at))));
  if (splits(before, start)) start--;
  if (splits(before, endBefore)) {
    endBefore++;
    endAfter++;
  }
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}
