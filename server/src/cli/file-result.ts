// What the CLI reports per file, as every output format reads it.
import type { PostmortemReport, ProblemReport } from '../core/index.js';

export interface FileResult {
  file: string;
  problems: ProblemReport[];
  postmortem: PostmortemReport | null;
  /** Which template the file was checked against, and why (front matter, an override, the config…). */
  template?: { name: string; reason: string };
}
