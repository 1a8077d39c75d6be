// Action items written as a table, as the Google SRE book does (Action Item | Type | Owner | Bug)
// and many teams after it (… | Owner | Ticket | Due | Status | Priority).
import type { Table, TableCell } from 'mdast';
import type { ActionItem, Range, Section } from '../types.js';
import { dueCell, ownerCell, statusMarker, statusOf, ticketCell, type ReadFields } from './action-fields.js';
import { tagOf } from './action-tags.js';

type Column = 'action' | 'type' | 'owner' | 'ticket' | 'due' | 'status' | 'priority';

const HEADERS: [Column, RegExp][] = [
  ['type', /^(?:type|tag|kind|category|class)$/],
  ['owner', /^(?:owners?|assignee|assigned to|who|responsible|dri|team)$/],
  ['ticket', /^(?:tickets?|bugs?|issues?|links?|tracking|tracker|jira|prs?|references?|refs?)$/],
  ['due', /^(?:due|due date|due by|deadline|target|target date|eta|by when)$/],
  ['status', /^(?:status|state|done|progress)$/],
  ['priority', /^(?:priority|prio|severity)$/],
  ['action', /^(?:action|action items?|actions|items?|tasks?|description|what|title|summary|corrective actions?|follow[- ]?ups?|remediation|todo)$/],
];

function columnOf(header: string): Column | undefined {
  const key = header.toLowerCase().replace(/[*_`#:.]/g, '').replace(/\s+/g, ' ').trim();
  return HEADERS.find(([, pattern]) => pattern.test(key))?.[0];
}

/** A cell's written text, without its pipes and the spaces around it; empty cells give a zero-width range inside. */
export function cellContent(text: string, cell: TableCell, shift: number): Range {
  let start = cell.position!.start.offset! + shift;
  let end = cell.position!.end.offset! + shift;
  if (text[start] === '|') start++;
  if (end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--;
  // An empty cell: just after the space that follows its pipe, where a value would be typed.
  if (text.slice(start, end).trim() === '') return { start: start + Math.min(1, end - start), end: start + Math.min(1, end - start) };
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** The rows of an action table; none when its header names no action column or field. */
export function readActionTable(table: Table, section: Section, text: string, shift: number, tags: string[], headingTag: string | undefined, incidentStart: number | null): ActionItem[] {
  const [header, ...rows] = table.children;
  if (!header?.position) return [];
  const columns = header.children.map((cell) => columnOf(text.slice(...rangeArgs(cellContent(text, cell, shift)))));
  if (!columns.some((c) => c !== undefined && c !== 'action' && c !== 'priority')) return [];
  // No column named like the action: the first one that is nothing else holds it.
  let actionColumn = columns.indexOf('action');
  if (actionColumn < 0) actionColumn = columns.findIndex((c) => c === undefined);
  if (actionColumn < 0) return [];
  const items: ActionItem[] = [];
  for (const row of rows) {
    if (!row.position) continue;
    const cells = row.children.map((cell) => cellContent(text, cell, shift));
    const actionCell = cells[actionColumn];
    if (!actionCell) continue;
    const fields: ReadFields = {};
    let tagCell: Range | undefined;
    columns.forEach((column, i) => {
      const range = cells[i];
      if (!range || i === actionColumn) return;
      const source = text.slice(range.start, range.end);
      if (column === 'type') tagCell = range;
      else if (column === 'owner') fields.owner ??= ownerCell(source, range);
      else if (column === 'ticket') fields.ticket ??= ticketCell(source, range);
      else if (column === 'due') fields.due ??= dueCell(source, range, incidentStart);
      else if (column === 'status') fields.status ??= statusOf(source) ?? statusMarker(source);
      if (column !== 'status' && column !== 'type') fields.status ??= statusMarker(source);
    });
    const actionText = text.slice(actionCell.start, actionCell.end);
    if (actionText.trim() === '' && cells.every((c) => c.start === c.end)) continue;
    const item: ActionItem = {
      range: { start: row.position.start.offset! + shift, end: row.position.end.offset! + shift },
      tag: headingTag ?? null,
      contentStart: actionCell.start,
      text: actionText,
      checked: null,
      section,
      shape: 'table',
      ...fields,
    };
    if (!fields.status) delete item.status;
    if (tagCell) {
      const written = text.slice(tagCell.start, tagCell.end).replace(/^(\*\*|__)(.*?):?\1:?$/, '$2').trim();
      if (written === '' || written === '-') {
        // Nothing in the Type cell: the tag goes there (action-item-untagged's fix).
        item.tagRange = { start: tagCell.start, end: tagCell.end };
        item.tag = headingTag ?? null;
      } else {
        const offset = text.slice(tagCell.start, tagCell.end).indexOf(written);
        item.writtenTag = written;
        item.tagRange = { start: tagCell.start + offset, end: tagCell.start + offset + written.length };
        item.tag = tagOf(written, tags);
      }
    }
    items.push(item);
  }
  return items;
}

const rangeArgs = (range: Range): [number, number] => [range.start, range.end];
