// Diagnostics converted once per problem object. The worker's delta (node/problem-delta.ts) hands
// back the very same object for a problem that sits before an edit, and the text before the edit
// is the same, so its positions are too; a shifted copy that kept every line and column (each of
// its offsets is before the edit or on a later line, and the edit added or removed no line break)
// shares the conversion of the problem it was copied from. Only the problems the edit really moved
// or made are converted again (1,300 conversions per keystroke otherwise). Problems are never
// mutated once analysed.
import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Problem } from '../engine-entry.js';
import type { DiagnosticData } from './protocol.js';
import { samePositionsAs } from '../node/problem-delta.js';
import { toDiagnostic, withData } from './convert.js';

export class ConvertedProblems {
  /** By the first problem of a line of copies (problem-delta.ts): all of them convert the same. */
  private readonly done = new WeakMap<Problem, Diagnostic>();

  /** The diagnostic of `problems[index]`; `document` is the text they were found in (or one the same up to the problem's last offset). */
  diagnostic(document: TextDocument, problems: readonly Problem[], index: number, data: DiagnosticData, docsUrl?: string): Diagnostic {
    const problem = problems[index];
    // A copy equals its original but for offsets, which convert to the same positions: the rule,
    // severity, message and related notes, so the diagnostic, are the same.
    const key = samePositionsAs(problems, index) ?? problem;
    let converted = this.done.get(key);
    if (!converted || converted.codeDescription?.href !== docsUrl) this.done.set(key, (converted = toDiagnostic(document, problem, data, docsUrl)));
    // Each analysis names its own problems (code actions look them up by it).
    return converted.data === data ? converted : withData(converted, data);
  }
}
