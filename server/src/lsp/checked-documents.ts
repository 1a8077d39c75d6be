// TextDocuments, with the params of every document notification checked before the library reads
// them: a didOpen without a text or a didChange with a bad range is dropped with a warning, where
// the library would throw a TypeError from its handler.
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isUri = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isCount = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isPosition = (value: unknown) => isRecord(value) && isCount(value.line) && isCount(value.character);
const hasUri = (params: unknown) => isRecord(params) && isRecord(params.textDocument) && isUri(params.textDocument.uri);

const CHECKS: Record<string, { what: string; valid(params: unknown): boolean }> = {
  onDidOpenTextDocument: {
    what: '{ textDocument: { uri, languageId, version, text } }',
    valid: (p) => hasUri(p) && isRecord((p as { textDocument: unknown }).textDocument) && (() => {
      const td = (p as { textDocument: Record<string, unknown> }).textDocument;
      return typeof td.languageId === 'string' && typeof td.version === 'number' && Number.isFinite(td.version) && typeof td.text === 'string';
    })(),
  },
  onDidChangeTextDocument: {
    what: '{ textDocument: { uri, version }, contentChanges: [{ range?, text }] }',
    valid: (p) => {
      if (!hasUri(p)) return false;
      const { textDocument, contentChanges } = p as { textDocument: Record<string, unknown>; contentChanges: unknown };
      if (typeof textDocument.version !== 'number' || !Number.isFinite(textDocument.version) || !Array.isArray(contentChanges)) return false;
      return contentChanges.every((change) => isRecord(change) && typeof change.text === 'string' && (change.range === undefined || (isRecord(change.range) && isPosition(change.range.start) && isPosition(change.range.end))));
    },
  },
  onDidCloseTextDocument: { what: '{ textDocument: { uri } }', valid: hasUri },
  onDidSaveTextDocument: { what: '{ textDocument: { uri } }', valid: hasUri },
  onWillSaveTextDocument: { what: '{ textDocument: { uri } }', valid: hasUri },
  onWillSaveTextDocumentWaitUntil: { what: '{ textDocument: { uri } }', valid: hasUri },
};

const METHOD: Record<string, string> = {
  onDidOpenTextDocument: 'textDocument/didOpen',
  onDidChangeTextDocument: 'textDocument/didChange',
  onDidCloseTextDocument: 'textDocument/didClose',
  onDidSaveTextDocument: 'textDocument/didSave',
  onWillSaveTextDocument: 'textDocument/willSave',
  onWillSaveTextDocumentWaitUntil: 'textDocument/willSaveWaitUntil',
};

export class CheckedTextDocuments extends TextDocuments<TextDocument> {
  constructor() {
    super(TextDocument);
  }

  override listen(connection: Connection) {
    const checked = new Proxy(connection, {
      get(target, property, receiver) {
        const check = typeof property === 'string' ? CHECKS[property] : undefined;
        const value = Reflect.get(target, property, receiver);
        if (!check || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return (handler: (params: unknown, ...rest: unknown[]) => unknown) =>
          value.call(target, (params: unknown, ...rest: unknown[]) => {
            if (check.valid(params)) return handler(params, ...rest);
            target.console.warn(`${METHOD[property as string]}: ignored, expected params ${check.what}.`);
            return property === 'onWillSaveTextDocumentWaitUntil' ? [] : undefined;
          });
      },
    });
    return super.listen(checked);
  }
}
