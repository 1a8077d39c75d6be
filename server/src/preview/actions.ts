// Action items as one table per tag (template order), untagged and unknown tags last.
import { actionFields, type ActionItem } from '../core/index.js';
import type { PreviewContext } from './context.js';
import { attrs, escapeHtml, lineAttrs } from './html.js';
import { renderInline } from './document.js';

const OTHER = 'Untagged';

export function renderActions(ctx: PreviewContext): string {
  const items = ctx.postmortem.actionItems;
  const id = `${ctx.idPrefix}-actions`;
  const heading = `<h2 id="${id}">Action items <span class="count">${items.length}</span></h2>`;
  if (items.length === 0) return `<section class="actions" aria-labelledby="${id}">${heading}<p class="empty">No action items.</p></section>`;
  const groups = new Map<string, ActionItem[]>(ctx.analysis.template.tags.map((tag) => [tag, []]));
  for (const item of items) {
    const key = item.tag ?? OTHER;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const withBoxes = items.some((item) => item.status !== undefined);
  const tables = [...groups].filter(([, list]) => list.length > 0).map(([tag, list]) => table(ctx, tag, list, withBoxes));
  return `<section class="actions" aria-labelledby="${id}">${heading}${tables.join('')}</section>`;
}

// "(owner: Dana, due 2024-06-01)" or ", owner: Dana" after the action: the Owner and Due columns show it.
const FIELD_NOTE = /\s*\((?:\*\*|__)?(?:owners?|assignee|assigned to|due)\b[^()\n]*\)|[\s,;]+(?:[-–—][ \t]+)?(?:\*\*|__)?(?:owners?|assignee)(?:\*\*|__)?\s*:[^()\n]*$/gi;

/** The action's text without the owner/due note the other columns already show. */
function withoutFieldNotes(text: string, fields: { owner: string | null; due: string | null }): string {
  if (fields.owner === null && fields.due === null) return text;
  const stripped = text.replace(FIELD_NOTE, '').trimEnd();
  return stripped === '' ? text : stripped;
}

function table(ctx: PreviewContext, tag: string, items: ActionItem[], withBoxes: boolean): string {
  const head = ['Action', 'Owner', 'Ticket', 'Due', ...(withBoxes ? ['Done'] : [])].map((name) => `<th scope="col">${name}</th>`).join('');
  const rows = items.map((item) => {
    const fields = actionFields(item);
    const ticket = fields.ticket
      ? fields.ticket.url
        ? `<a href="${escapeHtml(fields.ticket.url)}">${escapeHtml(fields.ticket.text)}</a>`
        : escapeHtml(fields.ticket.text)
      : '';
    // An unknown tag stays visible next to the text, so "Fxi" can be spotted and fixed.
    const written = item.tag === null && item.writtenTag ? `<span class="badge problem">${escapeHtml(item.writtenTag)}</span> ` : '';
    const cells = [
      written + renderInline(withoutFieldNotes(item.text, fields), ctx.allowRemoteImages),
      escapeHtml(fields.owner ?? ''),
      ticket,
      escapeHtml(fields.due ?? ''),
      ...(withBoxes ? [item.status === undefined ? '' : item.status === 'done' ? '<span aria-label="done">✓</span>' : '<span aria-label="open">○</span>'] : []),
    ];
    return `<tr${attrs({ ...lineAttrs(ctx.line(item.range.start), ctx.interactive) })}>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });
  const className = tag === OTHER ? 'action-table untagged' : 'action-table';
  return `<table class="${className}"><caption>${escapeHtml(tag)} <span class="count">${items.length}</span></caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
