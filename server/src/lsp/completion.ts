// Completions at the start of a line: missing section headings after "#"s, action-item tags
// after "- " in an action section, and the current time after "- " (or in an empty time cell)
// in a timeline section.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionParams, type Connection } from 'vscode-languageserver';
import type { CompletionContext } from '../engine-entry.js';
import { engine } from './engine.js';
import { toOffset, toRange } from './convert.js';
import { guardRequest, requirePosition, requireTextDocumentUri } from './guard.js';
import type { PostmortemService } from './service.js';

// Cheap check before any analysis: the line so far must look like a heading, list item or table row.
const LINE_START = /^(?:#{1,6}(?:[ \t].*)?|[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t].*|[ \t]*\|.*)$/;

export function registerCompletionSupport(connection: Connection, service: PostmortemService): void {
  service.addCapabilities({ completionProvider: { triggerCharacters: ['#', ' ', '|'] } });

  connection.onCompletion(guardRequest(connection, 'Completion', async (params: CompletionParams) => {
    const uri = requireTextDocumentUri(params);
    const position = requirePosition(params);
    const live = service.documents.get(uri);
    if (!live) return null;
    const offset = toOffset(live, position);
    const lineStart = toOffset(live, { line: position.line, character: 0 });
    if (!LINE_START.test(live.getText().slice(lineStart, offset))) return null;
    const entry = await service.analysisOf(live);
    const postmortem = entry?.analysis.postmortem;
    if (!entry || !postmortem) return null;
    // The snapshot may be newer than the request's position if typing went on: use its own offset.
    const context = engine().completionContextAt(postmortem, entry.analysis.template, Math.min(offset, postmortem.text.length));
    if (!context) return null;
    return { isIncomplete: context.kind === 'time', items: items(context, (range) => toRange(entry.document, range)) };
  }));
}

function items(context: CompletionContext, range: (r: CompletionContext['range']) => ReturnType<typeof toRange>): CompletionItem[] {
  const replace = range(context.range);
  switch (context.kind) {
    case 'heading':
      return context.sections.map((entry, i) => {
        const heading = `${'#'.repeat(entry.level)} ${entry.section.title}`;
        return {
          label: entry.section.title,
          kind: CompletionItemKind.Module,
          detail: `${'#'.repeat(entry.level)} ${entry.required ? 'required' : 'optional'} section, missing here`,
          documentation: entry.section.placeholder,
          sortText: `${entry.required ? 0 : 1}${String(i).padStart(3, '0')}`,
          filterText: `${context.typed.replace(/[ \t].*$/, '')} ${entry.section.title}`,
          textEdit: { range: replace, newText: heading },
          insertTextFormat: InsertTextFormat.PlainText,
        };
      });
    case 'tag':
      return context.tags.map((tag, i) => ({
        label: `**${tag}:**`,
        kind: CompletionItemKind.EnumMember,
        detail: 'Action item tag',
        sortText: String(i).padStart(3, '0'),
        filterText: context.typed.startsWith('*') ? `**${tag}:**` : tag,
        textEdit: { range: replace, newText: `**${tag}:** ` },
      }));
    case 'time':
      return [{
        label: context.text.trim(),
        kind: CompletionItemKind.Event,
        detail: `Now${context.zone ? ` (${context.zone})` : ''}, written like the entries above`,
        preselect: true,
        sortText: '0',
        filterText: context.text,
        textEdit: { range: replace, newText: context.text },
      }];
  }
}
