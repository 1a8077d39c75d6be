// Publishes diagnostics and remembers where it did, so a file that stops being a postmortem
// (or is closed) gets an empty list rather than stale problems.
import type { Connection } from 'vscode-languageserver';
import { engine } from './engine.js';
import { toDiagnostic } from './convert.js';
import type { DocumentAnalysis } from './document-analysis.js';

export class DiagnosticsPublisher {
  private readonly counts = new Map<string, number>();

  constructor(private readonly connection: Connection) {}

  /** `versioned`: the analysis is of an open document; tell the client which version. */
  publish(entry: DocumentAnalysis, versioned = true): void {
    const { ruleDocsUrl, RULES_BY_NAME } = engine();
    const diagnostics = entry.analysis.problems.map((problem, index) =>
      toDiagnostic(entry.document, problem, { analysis: entry.id, version: entry.version, index }, RULES_BY_NAME.has(problem.rule) ? ruleDocsUrl(problem.rule) : undefined),
    );
    this.connection.sendDiagnostics({ uri: entry.uri, version: versioned ? entry.version : undefined, diagnostics });
    this.counts.set(entry.uri, diagnostics.length);
  }

  clear(uri: string): void {
    const count = this.counts.get(uri);
    this.counts.delete(uri);
    if (!count) return;
    this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
