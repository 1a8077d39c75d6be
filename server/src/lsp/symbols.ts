// Document outline: the title, sections as a tree, and timeline entries and action items under
// their section.
import { SymbolKind, type Connection, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Postmortem, Section } from '../engine-entry.js';
import { toRange } from './convert.js';
import { guardRequest, requireTextDocumentUri } from './guard.js';
import type { PostmortemService } from './service.js';

const MAX_NAME = 80;

/** Names must not be empty (VS Code rejects the whole outline) and read best short. */
function name(text: string, fallback: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return fallback;
  return clean.length > MAX_NAME ? `${clean.slice(0, MAX_NAME - 1)}…` : clean;
}

export function registerDocumentSymbolSupport(connection: Connection, service: PostmortemService): void {
  service.addCapabilities({ documentSymbolProvider: { label: 'Postmortem' } });

  connection.onDocumentSymbol(guardRequest(connection, 'Document symbols', async (params: DocumentSymbolParams) => {
    const live = service.documents.get(requireTextDocumentUri(params));
    if (!live) return null;
    const entry = await service.analysisOf(live);
    const postmortem = entry?.analysis.postmortem;
    if (!entry || !postmortem) return null;
    return documentSymbols(entry.document, postmortem);
  }));
}

export function documentSymbols(document: TextDocument, postmortem: Postmortem): DocumentSymbol[] {
  const range = (r: { start: number; end: number }) => toRange(document, r);
  const bySection = new Map<Section, DocumentSymbol>();
  const symbolOf = (section: Section): DocumentSymbol => {
    const symbol: DocumentSymbol = {
      name: name(section.title, '(untitled section)'),
      detail: section.template && section.template.title !== section.title ? section.template.title : undefined,
      kind: section.level <= 2 ? SymbolKind.Namespace : SymbolKind.Module,
      range: range(section.range),
      selectionRange: range(section.headingRange),
      children: [],
    };
    bySection.set(section, symbol);
    symbol.children = section.children.map(symbolOf);
    return symbol;
  };
  const symbols = postmortem.sections.map(symbolOf);

  for (const item of postmortem.timeline) {
    const parent = bySection.get(item.section);
    parent?.children!.push({
      name: name(`${item.timeText} ${item.text}`, item.timeText || 'Timeline entry'),
      detail: item.instant === null ? 'time not readable' : undefined,
      kind: SymbolKind.Event,
      range: range(item.range),
      selectionRange: range(item.timeRange.end > item.timeRange.start ? item.timeRange : { start: item.range.start, end: item.range.start }),
    });
  }
  for (const item of postmortem.actionItems) {
    const parent = bySection.get(item.section);
    parent?.children!.push({
      name: name(item.text, 'Action item'),
      detail: item.tag ?? (item.writtenTag ? `unknown tag ${item.writtenTag}` : 'untagged'),
      kind: SymbolKind.Field,
      range: range(item.range),
      selectionRange: range(item.tagRange ?? { start: item.range.start, end: item.range.start }),
    });
  }
  // Entries were appended after child sections: put each section's children back in document order.
  const sort = (list: DocumentSymbol[]) => {
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const symbol of list) if (symbol.children) sort(symbol.children);
  };
  sort(symbols);
  if (postmortem.title) {
    const titleRange = range(postmortem.title.range);
    symbols.unshift({ name: name(postmortem.title.value, 'Postmortem'), kind: SymbolKind.File, range: titleRange, selectionRange: titleRange });
  }
  return symbols;
}
