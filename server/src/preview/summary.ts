// The card a reviewer reads first: title, severity, status, start, end, duration and time to detect/mitigate/resolve.
import type { Milestone } from '../core/index.js';
import type { PreviewContext } from './context.js';
import { attrs, escapeHtml, lineAttrs } from './html.js';
import { formatInstant, formatSpan, machineInstant, machineSpan } from './format.js';

const MILESTONES = [
  ['detect', 'Time to detect', 'Detected'],
  ['acknowledge', 'Time to acknowledge', 'Acknowledged'],
  ['mitigate', 'Time to mitigate', 'Mitigated'],
  ['resolve', 'Time to resolve', 'Resolved'],
] as const;

export function renderSummary(ctx: PreviewContext): string {
  const { postmortem, metrics } = ctx;
  const rows: string[] = [];
  const fact = (name: string, value: string, extra: Record<string, string | number | undefined> = {}) =>
    rows.push(`<div${attrs({ class: 'fact', ...extra })}><dt>${escapeHtml(name)}</dt><dd>${value}</dd></div>`);
  const { severity, status } = postmortem.metadata;
  if (severity?.value) fact('Severity', `<span class="badge severity">${escapeHtml(severity.value)}</span>`);
  if (status?.value) fact('Status', `<span class="badge status">${escapeHtml(status.value)}</span>`);
  const instant = (ms: number) => `<time datetime="${machineInstant(ms, metrics.dateKnown)}">${escapeHtml(formatInstant(ms, ctx.zone, metrics.dateKnown))}</time>`;
  const from = (source: string | null) => (source === 'timeline' ? ' <span class="source">(from the timeline)</span>' : '');
  if (metrics.start !== null) fact('Start', instant(metrics.start) + from(metrics.startSource));
  if (metrics.end !== null) fact('End', instant(metrics.end) + from(metrics.endSource));
  if (metrics.duration !== null) fact('Duration', span(metrics.duration), metrics.duration < 0 ? { class: 'fact problem' } : {});
  const missing: string[] = [];
  for (const [kind, label, key] of MILESTONES) {
    const milestone = metrics[kind];
    if (milestone) fact(label, milestoneValue(ctx, milestone), { ...lineAttrs(ctx.line(milestone.offset), ctx.interactive), 'data-metric': kind });
    // Acknowledgement is often not written down: its absence alone is no reason for a hint.
    else if (kind !== 'acknowledge') missing.push(key);
  }
  const title = postmortem.title?.value ?? 'Untitled postmortem';
  const id = `${ctx.idPrefix}-summary`;
  const body = rows.length > 0 ? `<dl class="facts">${rows.join('')}</dl>` : '<p class="empty">No severity, status or readable times yet.</p>';
  return `<header class="summary" aria-labelledby="${id}"><h1 id="${id}">${escapeHtml(title)}</h1>${body}${milestoneHint(ctx, missing)}</header>`;
}

/** When the timeline has times but a milestone was not found, how to name it. */
function milestoneHint(ctx: PreviewContext, missing: string[]): string {
  if (missing.length === 0 || !ctx.postmortem.timeline.some((entry) => entry.instant !== null)) return '';
  const example = `<code>**${missing[0]}:** 14:02</code>`;
  const names = missing.map((key) => `<code>**${key}:**</code>`).join(', ');
  return `<p class="hint" data-hint="milestones">No ${missing.map((key) => key.toLowerCase()).join(', ')} time found in the timeline. Set it with a line near the top such as ${example} (${names}).</p>`;
}

function span(ms: number): string {
  return `<time datetime="${machineSpan(ms)}">${escapeHtml(formatSpan(ms))}</time>`;
}

function milestoneValue(ctx: PreviewContext, milestone: Milestone): string {
  const at = escapeHtml(formatInstant(milestone.at, ctx.zone, false));
  const value = milestone.after === null ? '' : span(milestone.after);
  return `${value} <span class="source">at ${at}</span>`;
}
