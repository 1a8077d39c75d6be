import type { Postmortem, Problem, Severity, SeveritySetting, Template } from './types.js';
import { parsePostmortem } from './parse/index.js';
import type { ParseCache } from './parse/markdown.js';
import { indexTemplate } from './template-index.js';
import { RULES, type Rule } from './rules/index.js';
import { applyDirectives } from './disable.js';
import { postmortemSkeleton } from './skeleton.js';
import { DEFAULT_MAX_FILE_SIZE_KB, sizeCapProblem } from './size-cap.js';
import { DEFAULT_TEMPLATE_NAME, getBuiltinTemplate } from './config/builtin-templates.js';

/** Problems the engine reports about itself rather than about the postmortem. */
export { DEFAULT_MAX_FILE_SIZE_KB, FILE_TOO_LARGE } from './size-cap.js';
export const INTERNAL_ERROR = 'internal-error';
export const EMPTY_FILE = 'empty-file';

export interface AnalyzeOptions {
  template?: Template;
  /** Severity per rule name; 'off' disables. Unlisted rules use their default. */
  rules?: Record<string, SeveritySetting>;
  maxFileSizeKB?: number;
  /** Injected for tests of rule isolation; defaults to every rule. */
  ruleSet?: readonly Rule[];
  /** Trees of unchanged sections are reused from here (the language server keeps one per document). */
  cache?: ParseCache;
  /** False parses in one go, true section by section; unset picks the faster. The result is the same. */
  incremental?: boolean;
  /** The file's name or path: a date in it dates a timeline that names no year. */
  fileName?: string;
  /** Today, for the date the empty-file fix writes; injected by tests. */
  now?: Date;
}

export interface Analysis {
  /** Null when the document was not analysed (too large, or the parser failed on it). */
  postmortem: Postmortem | null;
  problems: Problem[];
  template: Template;
}

export function defaultTemplate(): Template {
  return getBuiltinTemplate(DEFAULT_TEMPLATE_NAME)!;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const template = options.template ?? defaultTemplate();
  const maxKB = options.maxFileSizeKB ?? DEFAULT_MAX_FILE_SIZE_KB;
  const tooLarge = sizeCapProblem(text, maxKB, options.cache);
  if (tooLarge) return { postmortem: null, template, problems: [tooLarge] };
  options.cache?.beginAnalysis();
  let postmortem: Postmortem;
  try {
    postmortem = parsePostmortem(text, template, { cache: options.cache, incremental: options.incremental, fileName: options.fileName });
  } catch (error) {
    // The parser is third-party code on hostile input (a stack overflow on deep nesting, say):
    // one problem that says so, never an exception into the server or the CLI.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      postmortem: null,
      template,
      problems: [{ rule: INTERNAL_ERROR, severity: 'warning', message: `This file could not be analysed (${reason}), so it was not checked.`, range: { start: 0, end: 0 }, fixes: [] }],
    };
  }
  if (text.trim() === '') return { postmortem, template, problems: [emptyFileProblem(text, template, options.now ?? new Date())] };
  return { postmortem, template, problems: runRules(postmortem, template, options) };
}

function runRules(postmortem: Postmortem, template: Template, options: AnalyzeOptions): Problem[] {
  const index = indexTemplate(template);
  const problems: Problem[] = [];
  for (const rule of options.ruleSet ?? RULES) {
    const setting = options.rules?.[rule.name] ?? rule.defaultSeverity;
    if (setting === 'off') continue;
    const severity: Severity = setting;
    try {
      rule.check({
        postmortem,
        template,
        index,
        text: postmortem.text,
        cache: options.cache,
        report: (finding) => {
          const fixes = finding.fixes ?? [];
          // The only fix there is is the obvious one.
          if (fixes.length === 1 && fixes[0].isPreferred === undefined) fixes[0] = { ...fixes[0], isPreferred: true };
          problems.push({ rule: rule.name, severity, message: finding.message, range: finding.range, fixes, related: finding.related });
        },
      });
    } catch (error) {
      // One broken rule must not hide what the others found.
      problems.push({
        rule: INTERNAL_ERROR,
        severity: 'warning',
        message: `Rule ${rule.name} failed on this document and was skipped: ${error instanceof Error ? error.message : String(error)}`,
        range: { start: 0, end: 0 },
        fixes: [],
      });
    }
  }
  return applyDirectives(postmortem, problems).sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

/** An empty file is a postmortem not started yet: one hint, and a fix that writes the template. */
function emptyFileProblem(text: string, template: Template, now: Date): Problem {
  return {
    rule: EMPTY_FILE,
    severity: 'info',
    message: `This postmortem is empty. Start from the ${template.name} template (quick fix) or the “Postmortem: New Postmortem” command.`,
    range: { start: 0, end: 0 },
    fixes: [{
      title: `Insert the ${template.name} postmortem template`,
      isPreferred: true,
      // Fix All (or a fix-on-save) does not turn an empty file into a page of headings unasked.
      fixAll: false,
      edits: [{ start: 0, end: text.length, newText: postmortemSkeleton(template, { date: now.toISOString().slice(0, 10) }) }],
    }],
  };
}
