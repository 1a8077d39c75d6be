// Completions at the start of a line: missing incident fields (`**` under the title, a key in the
// front matter) and their listed values after the colon, missing section headings after "#"s,
// action-item tags after "- " in an action section, and a time after "- " (or in an empty time
// cell) in a timeline section: the entry above's (or the Duration's start), then the current time.
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionParams, type Connection } from 'vscode-languageserver';
import type { CompletionContext, TimeChoice } from '../engine-entry.js';
import { engine } from './engine.js';
import { toOffset, toRange } from './convert.js';
import { guardRequest, requirePosition, requireTextDocumentUri } from './guard.js';
import type { PostmortemService } from './service.js';

// Cheap check before any analysis: the line so far must look like a heading, list item, table row,
// bold field (or an empty line, asked for explicitly), or a key in the front matter.
const LINE_START = /^(?:#{1,6}(?:[ \t].*)?|[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t].*|[ \t]*\|.*|[ \t]{0,3}(?:\*\*|__).*|)$/;
const YAML_KEY = /^[A-Za-z][\w -]*(?::.*)?$/;

/** Whether the line at `lineStart` is inside front matter still open there (no closing line above it). */
function inFrontMatter(text: string, lineStart: number): boolean {
  if (lineStart === 0 || !text.startsWith('---')) return false;
  const close = text.slice(3, lineStart).search(/\n(?:---|\.\.\.)/);
  return close < 0;
}

export function registerCompletionSupport(connection: Connection, service: PostmortemService): void {
  service.addCapabilities({ completionProvider: { triggerCharacters: ['#', ' ', '|', '*'] } });

  connection.onCompletion(guardRequest(connection, 'Completion', async (params: CompletionParams) => {
    const uri = requireTextDocumentUri(params);
    const position = requirePosition(params);
    const live = service.documents.get(uri);
    if (!live) return null;
    let offset = toOffset(live, position);
    const lineStart = toOffset(live, { line: position.line, character: 0 });
    const text = live.getText();
    const lineSoFar = text.slice(lineStart, offset);
    if (!LINE_START.test(lineSoFar) && !(YAML_KEY.test(lineSoFar) && inFrontMatter(text, lineStart))) return null;
    const entry = await service.answerFrom(live);
    const postmortem = entry && (await service.modelOf(entry));
    if (!entry || !postmortem) return null;
    // An analysis of an earlier version (the current one is still running) places the position in its own snapshot.
    if (entry.version !== live.version) offset = toOffset(entry.document, position);
    // The snapshot may be newer than the request's position if typing went on: use its own offset.
    const context = engine().completionContextAt(postmortem, entry.analysis.template, Math.min(offset, postmortem.text.length));
    if (!context) return null;
    const snippets = service.workspace.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    return { isIncomplete: context.kind === 'time', items: items(context, (range) => toRange(entry.document, range), snippets) };
  }));
}

function items(context: CompletionContext, range: (r: CompletionContext['range']) => ReturnType<typeof toRange>, snippets: boolean): CompletionItem[] {
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
      return context.choices.map((choice, i) => ({
        label: choice.text.trim(),
        kind: CompletionItemKind.Event,
        detail: TIME_DETAIL[choice.source](context.zone),
        preselect: i === 0,
        sortText: String(i),
        filterText: context.text,
        // With snippets, a tab stop on the time: the author types over it.
        ...(snippets
          ? { textEdit: { range: replace, newText: timeSnippet(choice) }, insertTextFormat: InsertTextFormat.Snippet }
          : { textEdit: { range: replace, newText: choice.text } }),
      }));
    case 'field':
      return context.fields.map(({ field, required, text }, i) => ({
        label: field.name,
        kind: CompletionItemKind.Field,
        detail: required ? 'Incident field the template requires' : `Incident field, required for ${field.when?.severity.join(', ')}`,
        documentation: field.values?.length ? `One of ${field.values.join(', ')}` : undefined,
        sortText: String(i).padStart(3, '0'),
        filterText: text,
        textEdit: { range: replace, newText: text },
      }));
    case 'value':
      return context.values.map(({ label, text }, i) => ({
        label,
        kind: CompletionItemKind.EnumMember,
        detail: `${context.field}, as the template lists it`,
        sortText: String(i).padStart(3, '0'),
        filterText: label,
        textEdit: { range: replace, newText: text },
      }));
  }
}

const TIME_DETAIL: Record<TimeChoice['source'], (zone?: string) => string> = {
  above: () => 'Time of the entry above',
  start: () => 'Start of the Duration',
  now: (zone) => `Now${zone ? ` (${zone})` : ''}, written like the entries above`,
};

const escapeSnippet = (text: string) => text.replace(/[$}\\]/g, '\\$&');

function timeSnippet({ text, time }: TimeChoice): string {
  return `${escapeSnippet(text.slice(0, time.start))}\${1:${escapeSnippet(text.slice(time.start, time.end))}}${escapeSnippet(text.slice(time.end))}$0`;
}
