// Where the cursor goes after an edit that adds a section, as an LSP range in the edited document.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit as OffsetEdit } from '../engine-entry.js';
import { engine } from './engine.js';
import type { LspRange } from './protocol.js';

/** `document` is the snapshot the edits apply to; undefined when they add no heading. */
export function insertedSelection(document: TextDocument, edits: readonly OffsetEdit[]): LspRange | undefined {
  const text = document.getText();
  const selection = engine().insertedSectionSelection(text, edits);
  if (!selection) return undefined;
  const edited = TextDocument.create(document.uri, document.languageId, document.version + 1, engine().applyEdits(text, edits));
  return { start: edited.positionAt(selection.start), end: edited.positionAt(selection.end) };
}
