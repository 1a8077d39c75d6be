// "Fix all": the engine's fixAll passes (so several insertions at one spot all land), sent
// back as one minimal edit of the analysed version.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit as OffsetEdit } from '../engine-entry.js';
import { engine } from './engine.js';
import { minimalEdit } from './edits.js';
import { TIMEOUT_SETTING, type PostmortemService } from './service.js';

export interface FixAllPlan {
  /** Snapshot the edit applies to (its version goes into the WorkspaceEdit). */
  document: TextDocument;
  edit?: OffsetEdit;
  fixed: number;
  /** Problems left once the edit is applied (undefined when nothing was fixed: see the diagnostics). */
  left?: number;
}

/** Undefined when the document is not a postmortem. */
export async function planFixAll(service: PostmortemService, live: TextDocument): Promise<FixAllPlan | undefined> {
  const entry = await service.analysisOf(live);
  if (!entry) return undefined;
  const before = entry.document.getText();
  if ((entry.analysis.postmortem === null && !entry.held) || !entry.analysis.problems.some((p) => p.fixes.some((fix) => engine().isUnattended(fix)))) {
    return { document: entry.document, fixed: 0 };
  }
  // In the worker, under the document's budget: a fix is never computed on this thread, nor from an abandoned analysis.
  const outcome = await service.runner.run({ kind: 'fixAll', uri: entry.uri, text: before, options: entry.options, timeoutMs: entry.timeoutMs });
  if (outcome.status !== 'done') {
    service.connection.console.warn(`Fix all for ${entry.uri}: ${outcome.status === 'timeout' ? `took longer than ${TIMEOUT_SETTING} (${outcome.ms} ms), stopped` : outcome.status === 'failed' ? outcome.message : 'superseded'}.`);
    return { document: entry.document, fixed: 0 };
  }
  const { text, fixed, left } = outcome.value;
  return { document: entry.document, edit: minimalEdit(before, text), fixed, left };
}
