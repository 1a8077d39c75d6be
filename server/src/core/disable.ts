import type { DisableDirective, Postmortem, Problem } from './types.js';
import { lineOf } from './parse/lines.js';

/** Drops problems switched off by `<!-- postmortem-disable… -->` comments. */
export function applyDirectives(postmortem: Postmortem, problems: Problem[]): Problem[] {
  const { directives, lineStarts } = postmortem;
  if (directives.length === 0) return problems;
  const lineRules = new Map<number, DisableDirective[]>();
  for (const directive of directives) {
    if (directive.kind !== 'disable-line' && directive.kind !== 'disable-next-line') continue;
    const line = lineOf(lineStarts, directive.range.start) + (directive.kind === 'disable-next-line' ? 1 : 0);
    lineRules.set(line, [...(lineRules.get(line) ?? []), directive]);
  }
  const names = (d: DisableDirective, rule: string) => d.rules.length === 0 || d.rules.includes(rule);
  return problems.filter((problem) => {
    const line = lineOf(lineStarts, problem.range.start);
    if (lineRules.get(line)?.some((d) => names(d, problem.rule))) return false;
    // The last disable/enable before the problem decides.
    let disabled = false;
    for (const directive of directives) {
      if (directive.range.start > problem.range.start) break;
      if (directive.kind === 'disable' && names(directive, problem.rule)) disabled = true;
      if (directive.kind === 'enable' && names(directive, problem.rule)) disabled = false;
    }
    return !disabled;
  });
}
