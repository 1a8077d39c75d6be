// Document outline: what VS Code's Markdown outline lacks. Markdown already lists every heading as a
// tree, and VS Code shows each provider's symbols as a group of its own; repeating the headings made
// two copies of the tree and breadcrumbs that flipped between them. So this group holds only the
// timeline entries and action items, each under the one section that holds them.
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
  service.addCapabilities({ documentSymbolProvider: { label: 'Postmortem timeline and action items' } });

  connection.onDocumentSymbol(guardRequest(connection, 'Document symbols', async (params: DocumentSymbolParams) => {
    const live = service.documents.get(requireTextDocumentUri(params));
    if (!live) return null;
    const entry = await service.answerFrom(live);
    const postmortem = entry && (await service.modelOf(entry));
    if (!entry || !postmortem) return null;
    return documentSymbols(entry.document, postmortem);
  }));
}

export function documentSymbols(document: TextDocument, postmortem: Postmortem): DocumentSymbol[] {
  const range = (r: { start: number; end: number }) => toRange(document, r);
  const bySection = new Map<Section, DocumentSymbol>();
  const counts = new Map<Section, { entries: number; items: number }>();
  const containerOf = (section: Section): DocumentSymbol => {
    let symbol = bySection.get(section);
    if (!symbol) {
      symbol = { name: name(section.title, '(untitled section)'), kind: SymbolKind.Namespace, range: range(section.range), selectionRange: range(section.headingRange), children: [] };
      bySection.set(section, symbol);
      counts.set(section, { entries: 0, items: 0 });
    }
    return symbol;
  };

  for (const item of postmortem.timeline) {
    containerOf(item.section).children!.push({
      name: name(`${item.timeText} ${item.text}`, item.timeText || 'Timeline entry'),
      detail: item.instant === null ? 'time not readable' : undefined,
      kind: SymbolKind.Event,
      range: range(item.range),
      selectionRange: range(item.timeRange.end > item.timeRange.start ? item.timeRange : { start: item.range.start, end: item.range.start }),
    });
    counts.get(item.section)!.entries++;
  }
  for (const item of postmortem.actionItems) {
    containerOf(item.section).children!.push({
      name: name(item.text, 'Action item'),
      detail: item.tag ?? (item.writtenTag ? `unknown tag ${item.writtenTag}` : 'untagged'),
      kind: SymbolKind.Field,
      range: range(item.range),
      selectionRange: range(item.tagRange ?? { start: item.range.start, end: item.range.start }),
    });
    counts.get(item.section)!.items++;
  }
  const byPosition = (a: DocumentSymbol, b: DocumentSymbol) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  for (const [section, symbol] of bySection) {
    const { entries, items } = counts.get(section)!;
    const parts = [entries && `${entries} ${entries === 1 ? 'entry' : 'entries'}`, items && `${items} action ${items === 1 ? 'item' : 'items'}`].filter(Boolean);
    symbol.detail = parts.join(', ');
    symbol.children!.sort(byPosition);
  }
  return [...bySection.values()].sort(byPosition);
}
