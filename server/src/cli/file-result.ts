// What the CLI reports per file, as every output format reads it.
import type { PostmortemReport, ProblemReport } from '../core/index.js';

export interface FileResult {
  file: string;
  problems: ProblemReport[];
  postmortem: PostmortemReport | null;
}
