// Publishes diagnostics and remembers where it did, so a file that stops being a postmortem
// (or is closed) gets an empty list rather than stale problems.
import type { Connection } from 'vscode-languageserver';
import { engine } from './engine.js';
import { ConvertedProblems } from './converted-problems.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { problemKey, type Published } from './hold.js';

export class DiagnosticsPublisher {
  private readonly counts = new Map<string, number>();
  /** Files reported from disk (Lint Workspace), open or not since: re-checked when config changes or they close. */
  private readonly fromDisk = new Set<string>();

  private readonly converted = new ConvertedProblems();

  constructor(private readonly connection: Connection) {}

  /** What was last published per document, to tell which problems are new (hold.ts). */
  private readonly last = new Map<string, Published & { analysis: number }>();

  /**
   * `versioned`: the analysis is of an open document; tell the client which version. `hold`:
   * indices of problems left out for now (each diagnostic keeps its index in the analysis).
   */
  publish(entry: DocumentAnalysis, versioned = true, hold: ReadonlySet<number> = new Set()): void {
    const { ruleDocsUrl, RULES_BY_NAME } = engine();
    const shown = entry.analysis.problems.map((problem, index) => ({ problem, index })).filter(({ index }) => !hold.has(index));
    const diagnostics = shown.map(({ problem, index }) =>
      this.converted.diagnostic(entry.document, entry.analysis.problems, index, { analysis: entry.id, version: entry.version, index }, RULES_BY_NAME.has(problem.rule) ? ruleDocsUrl(problem.rule) : undefined),
    );
    this.connection.sendDiagnostics({ uri: entry.uri, version: versioned ? entry.version : undefined, diagnostics });
    this.counts.set(entry.uri, diagnostics.length);
    this.last.set(entry.uri, { text: entry.document.getText(), keys: new Set(shown.map(({ problem }) => problemKey(problem))), analysis: entry.id });
    if (!versioned) this.fromDisk.add(entry.uri);
  }

  /** The text and problems last published for the document. */
  lastPublished(uri: string): (Published & { analysis: number }) | undefined {
    return this.last.get(uri);
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
    this.last.delete(uri);
    this.fromDisk.delete(uri);
    if (!count) return;
    this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
