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

  // The last disable/enable naming a rule (or all rules) before a problem decides. One sweep over
  // problems in position order and directives in position order, not every directive per problem.
  const switches = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  let lastForAll: { at: number; disabled: boolean } | undefined;
  const lastForRule = new Map<string, { at: number; disabled: boolean }>();
  let next = 0;
  const disabled = new Set<Problem>();
  const byPosition = problems.map((problem, i) => ({ problem, i })).sort((a, b) => a.problem.range.start - b.problem.range.start || a.i - b.i);
  for (const { problem } of byPosition) {
    for (; next < switches.length && switches[next].range.start <= problem.range.start; next++) {
      const state = { at: next, disabled: switches[next].kind === 'disable' };
      if (switches[next].rules.length === 0) lastForAll = state;
      else for (const rule of switches[next].rules) lastForRule.set(rule, state);
    }
    const line = lineOf(lineStarts, problem.range.start);
    if (lineRules.get(line)?.some((d) => names(d, problem.rule))) {
      disabled.add(problem);
      continue;
    }
    const forRule = lastForRule.get(problem.rule);
    const decides = forRule && (!lastForAll || forRule.at > lastForAll.at) ? forRule : lastForAll;
    if (decides?.disabled) disabled.add(problem);
  }
  return problems.filter((problem) => !disabled.has(problem));
}
