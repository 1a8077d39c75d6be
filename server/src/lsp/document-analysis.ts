// The latest analysis of a document, as the features and the publisher share it; in a file of its
// own so the publisher need not import the service that owns it.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, AnalyzeOptions } from '../engine-entry.js';

export interface DocumentAnalysis {
  /** Unique per analysis; diagnostics carry it so code actions find the exact problem. */
  id: number;
  uri: string;
  version: number;
  /** Snapshot of the analysed text: positions and edits are computed on it. */
  document: TextDocument;
  analysis: Analysis;
  options: AnalyzeOptions;
  templateName: string;
  /** What picked the template (front matter, setting, config file, or the built-in default). */
  templateSource: 'document' | 'override' | 'settings' | 'file' | 'default';
  templateReason?: string;
  /** Errors in the config, settings or front matter that apply to this document. */
  configErrors: string[];
  generation: number;
  /** How long the analysis took: it decides how long the next change waits (diagnostics.ts). */
  ms: number;
  /** The model stayed in the worker (big documents): `service.modelOf` fetches it; `analysis.postmortem` is null till then. */
  held?: boolean;
  /** The budget it ran under; Fix All runs under the same. */
  timeoutMs: number;
}
