// Publishes diagnostics and remembers where it did, so a file that stops being a postmortem
// (or is closed) gets an empty list rather than stale problems.
import type { Connection } from 'vscode-languageserver';
import { engine } from './engine.js';
import { toDiagnostic } from './convert.js';
import type { DocumentAnalysis } from './service.js';

export class DiagnosticsPublisher {
  private readonly counts = new Map<string, number>();
  /** Files reported from disk (Lint Workspace), open or not since: re-checked when config changes or they close. */
  private readonly fromDisk = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** `versioned`: the analysis is of an open document; tell the client which version. */
  publish(entry: DocumentAnalysis, versioned = true): void {
    const { ruleDocsUrl, RULES_BY_NAME } = engine();
    const diagnostics = entry.analysis.problems.map((problem, index) =>
      toDiagnostic(entry.document, problem, { analysis: entry.id, version: entry.version, index }, RULES_BY_NAME.has(problem.rule) ? ruleDocsUrl(problem.rule) : undefined),
    );
    this.connection.sendDiagnostics({ uri: entry.uri, version: versioned ? entry.version : undefined, diagnostics });
    this.counts.set(entry.uri, diagnostics.length);
    if (!versioned) this.fromDisk.add(entry.uri);
  }

  /** Files Lint Workspace reported on, still postmortems when last checked. */
  reportedFromDisk(): string[] {
    return [...this.fromDisk];
  }

  markFromDisk(uri: string): void {
    this.fromDisk.add(uri);
  }

  /** Whether Lint Workspace reported on the file (so closing it re-checks it from disk instead of clearing). */
  isFromDisk(uri: string): boolean {
    return this.fromDisk.has(uri);
  }

  clear(uri: string): void {
    const count = this.counts.get(uri);
    this.counts.delete(uri);
    this.fromDisk.delete(uri);
    if (!count) return;
    this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
