// Diagnostics converted once per problem object. The worker's delta (node/problem-delta.ts) hands
// back the very same object for a problem that sits before an edit, and the text before the edit
// is the same, so its positions are too: only the problems the edit moved or made are converted
// again (1,300 conversions per keystroke otherwise). Problems are never mutated once analysed.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../engine-entry.js';
import type { DiagnosticData } from './protocol.js';
import { toDiagnostic, withData } from './convert.js';

export class ConvertedProblems {
  private readonly done = new WeakMap<Problem, Diagnostic>();

  /** `document` is the text `problem` was found in (or one the same up to the problem's last offset). */
  diagnostic(document: TextDocument, problem: Problem, data: DiagnosticData, docsUrl?: string): Diagnostic {
    let converted = this.done.get(problem);
    if (!converted || converted.codeDescription?.href !== docsUrl) this.done.set(problem, (converted = toDiagnostic(document, problem, data, docsUrl)));
    // Each analysis names its own problems (code actions look them up by it).
    return converted.data === data ? converted : withData(converted, data);
  }
}
