// Folding: sections (heading to their last non-blank line), front matter, and runs of timeline
// entries or action items.
import { type Connection, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import { engine } from './engine.js';
import { toPosition } from './convert.js';
import { guardRequest, requireTextDocumentUri } from './guard.js';
import type { PostmortemService } from './service.js';

export function registerFoldingSupport(connection: Connection, service: PostmortemService): void {
  service.addCapabilities({ foldingRangeProvider: true });

  connection.onFoldingRanges(guardRequest(connection, 'Folding ranges', async (params: FoldingRangeParams) => {
    const live = service.documents.get(requireTextDocumentUri(params));
    if (!live) return null;
    const entry = await service.answerFrom(live);
    const postmortem = entry && (await service.modelOf(entry));
    if (!entry || !postmortem) return null;
    const ranges: FoldingRange[] = [];
    const seen = new Set<string>();
    for (const region of engine().foldingRegions(postmortem)) {
      const startLine = toPosition(entry.document, region.start).line;
      const endLine = toPosition(entry.document, region.end).line;
      const key = `${startLine}:${endLine}`;
      if (endLine <= startLine || seen.has(key)) continue;
      seen.add(key);
      ranges.push({ startLine, endLine });
    }
    return ranges;
  }));
}
