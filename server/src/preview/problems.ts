// The document's problems, each one a way back to its line.
import type { PreviewContext } from './context.js';
import { attrs, escapeHtml, lineAttrs } from './html.js';

const LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

export function renderProblems(ctx: Pick<PreviewContext, 'analysis' | 'interactive' | 'idPrefix' | 'line'>): string {
  const problems = ctx.analysis.problems;
  const id = `${ctx.idPrefix}-problems`;
  const heading = `<h2 id="${id}">Problems <span class="count">${problems.length}</span></h2>`;
  if (problems.length === 0) return `<section class="problems" aria-labelledby="${id}">${heading}<p class="empty">No problems found.</p></section>`;
  const items = problems.map((problem) => {
    const line = ctx.line(problem.range.start);
    return `<li${attrs({ class: `problem-item ${problem.severity}`, ...lineAttrs(line, ctx.interactive) })}>`
      + `<span class="severity">${LABEL[problem.severity]}</span> `
      + `<span class="message">${escapeHtml(problem.message)}</span> `
      + `<span class="where">line ${line + 1} · ${escapeHtml(problem.rule)}</span></li>`;
  });
  return `<section class="problems" aria-labelledby="${id}">${heading}<ol>${items.join('')}</ol></section>`;
}
