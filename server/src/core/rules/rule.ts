import type { Fix, Postmortem, Range, RelatedInformation, Severity, Template } from '../types.js';
import type { TemplateIndex } from '../template-index.js';
import type { ParseCache } from '../parse/markdown.js';

export interface Finding {
  range: Range;
  message: string;
  fixes?: Fix[];
  related?: RelatedInformation[];
}

export interface RuleContext {
  postmortem: Postmortem;
  template: Template;
  index: TemplateIndex;
  text: string;
  /** The analysis's parse cache, when the caller keeps one (a fix that parses can reuse it). */
  cache?: ParseCache;
  report(finding: Finding): void;
}

export interface Rule {
  /** Stable: users' configs and disable comments name it. */
  name: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  check(context: RuleContext): void;
}

/** Quotes a title for messages. */
export const quote = (text: string): string => `“${text}”`;

/** Where a problem about the whole document goes: the title, else the first line. */
export function documentAnchor(postmortem: Postmortem): Range {
  if (postmortem.title && postmortem.title.range.start !== postmortem.frontMatter?.range.start) return postmortem.title.range;
  const firstLineEnd = postmortem.lineStarts.length > 1 ? postmortem.lineStarts[1] : postmortem.text.length;
  return { start: 0, end: postmortem.text.slice(0, firstLineEnd).trimEnd().length };
}

/** The first line of a range, where a squiggle reads best. */
export function firstLine(text: string, range: Range): Range {
  const newline = text.indexOf('\n', range.start);
  const end = newline < 0 || newline > range.end ? range.end : newline;
  return { start: range.start, end: end > range.start && text.charCodeAt(end - 1) === 13 ? end - 1 : end };
}
