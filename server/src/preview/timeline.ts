// The timeline as a vertical axis: offset from the start, the time as written, and the gap before each step.
import type { TimelineEntry } from '../core/index.js';
import type { PreviewContext } from './context.js';
import { attrs, escapeHtml, lineAttrs } from './html.js';
import { formatSpan, machineInstant, machineSpan } from './format.js';
import { renderInline } from './document.js';
import { entryReading } from '../core/assist/entry-reading.js';

const MINUTE = 60_000;

/** Gap size buckets: the axis stretches with them (CSS cannot take inline styles under our CSP). */
function gapClass(ms: number): string {
  if (ms < 15 * MINUTE) return 'gap-s';
  if (ms < 60 * MINUTE) return 'gap-m';
  if (ms < 6 * 60 * MINUTE) return 'gap-l';
  return 'gap-xl';
}

export function renderTimeline(ctx: PreviewContext): string {
  const { postmortem, metrics } = ctx;
  const id = `${ctx.idPrefix}-timeline`;
  const heading = `<h2 id="${id}">Timeline</h2>`;
  if (postmortem.timeline.length === 0) return `<section class="timeline" aria-labelledby="${id}">${heading}<p class="empty">No timeline entries.</p></section>`;
  const descending = ctx.analysis.template.timeline.order === 'descending';
  let previous: number | null = null;
  const items = postmortem.timeline.map((entry) => {
    const line = ctx.line(entry.range.start);
    if (entry.dateOnly) {
      return `<li${attrs({ class: 'day', ...lineAttrs(line, ctx.interactive) })}><span class="time" title="${escapeHtml(entryReading(entry) ?? '')}">${escapeHtml(entry.timeText || entry.text)}</span></li>`;
    }
    const flags: string[] = [];
    let gap = '';
    if (entry.instant === null) flags.push('time unreadable');
    else {
      if (previous !== null) {
        const step = descending ? previous - entry.instant : entry.instant - previous;
        if (step < 0) flags.push('goes backwards');
        else gap = `<span class="gap ${gapClass(step)}">${escapeHtml(formatSpan(step))} ${descending ? 'earlier' : 'later'}</span>`;
      }
      previous = entry.instant;
    }
    const problem = flags.length > 0;
    const offset = entry.instant !== null && metrics.start !== null ? `<span class="offset">${offsetText(entry.instant - metrics.start)}</span>` : '<span class="offset">?</span>';
    const time = entry.instant !== null
      ? `<time class="time" datetime="${machineInstant(entry.instant, entry.dateKnown)}" title="${escapeHtml(entryReading(entry) ?? '')}">${escapeHtml(entry.timeText)}</time>`
      : `<span class="time">${escapeHtml(entry.timeText || '(no time)')}</span>`;
    const flag = problem ? ` <strong class="flag">${flags.join(', ')}</strong>` : '';
    return `<li${attrs({ class: problem ? 'entry problem' : 'entry', ...lineAttrs(line, ctx.interactive) })}>${gap}${offset}${time}<span class="text">${entryText(entry, ctx)}</span>${flag}</li>`;
  });
  return `<section class="timeline" aria-labelledby="${id}">${heading}<ol class="axis">${items.join('')}</ol></section>`;
}

function offsetText(ms: number): string {
  const sign = ms < 0 ? '−' : '+';
  return `<time datetime="${ms < 0 ? '-' : ''}${machineSpan(ms)}">T${sign}${escapeHtml(formatSpan(Math.abs(ms)))}</time>`;
}

function entryText(entry: TimelineEntry, ctx: PreviewContext): string {
  // An unreadable bold time can leave its closing markers in front of the text.
  const text = entry.instant === null ? entry.text.replace(/^[:*_\s]+/, '') : entry.text;
  return renderInline(text, ctx.allowRemoteImages);
}
