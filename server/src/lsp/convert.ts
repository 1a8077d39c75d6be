// Offsets (the engine's UTF-16 string indices) ↔ LSP positions, and engine shapes → LSP shapes.
// Every conversion goes through the TextDocument whose text was analysed.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type Position, type Range, type TextEdit } from 'vscode-languageserver';
import type { Problem, Range as OffsetRange, Severity, TextEdit as OffsetEdit } from '../engine-entry.js';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './protocol.js';

export function toPosition(document: TextDocument, offset: number): Position {
  return document.positionAt(offset);
}

export function toRange(document: TextDocument, range: OffsetRange): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

/** Positions past the end of a line or the document are clamped. */
export function toOffset(document: TextDocument, position: Position): number {
  return document.offsetAt(position);
}

export function toTextEdit(document: TextDocument, edit: OffsetEdit): TextEdit {
  return { range: toRange(document, edit), newText: edit.newText };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity] ?? DiagnosticSeverity.Warning;
}

export function toDiagnostic(document: TextDocument, problem: Problem, data: DiagnosticData, docsUrl?: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(document, problem.range),
    severity: toSeverity(problem.severity),
    code: problem.rule,
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
    data,
  };
  if (docsUrl) diagnostic.codeDescription = { href: docsUrl };
  if (problem.related?.length) {
    diagnostic.relatedInformation = problem.related.map((related) => ({
      location: { uri: document.uri, range: toRange(document, related.range) },
      message: related.message,
    }));
  }
  return diagnostic;
}

/**
 * The same diagnostic for another analysis's data. Built field by field, in toDiagnostic's order
 * (so the JSON is the same): spreading 1,300 diagnostics per publish took a millisecond or two.
 */
export function withData(diagnostic: Diagnostic, data: DiagnosticData): Diagnostic {
  const copy: Diagnostic = { range: diagnostic.range, severity: diagnostic.severity, code: diagnostic.code, source: diagnostic.source, message: diagnostic.message, data };
  if (diagnostic.codeDescription) copy.codeDescription = diagnostic.codeDescription;
  if (diagnostic.relatedInformation) copy.relatedInformation = diagnostic.relatedInformation;
  return copy;
}
