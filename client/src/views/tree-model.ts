// What the Postmortems and Action Items views show, as plain data: grouping, order, labels and the
// overdue mark. No vscode import, so it is tested directly and runs on the web as on the desktop.
import type { IndexedActionItem, IndexedPostmortem } from '../../../server/src/lsp/protocol.js';

export type ActionGrouping = 'owner' | 'tag';

export interface ModelNode {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  children?: ModelNode[];
  /** Where a click goes: a file, and the 0-based line in it. */
  open?: { uri: string; line: number };
  overdue?: boolean;
  kind: 'group' | 'postmortem' | 'action';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `1h 30m`, `2d 4h`, `45m`. */
export function span(seconds: number | null): string | undefined {
  if (seconds === null || seconds < 0) return undefined;
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return `${d}d${h ? ` ${h}h` : ''}`;
  if (h > 0) return `${h}h${m ? ` ${m}m` : ''}`;
  return `${m}m`;
}

const fileName = (uri: string) => decodeURIComponent(uri.split('/').pop() ?? uri);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Due before `today` (YYYY-MM-DD) and not done. */
export function isOverdue(item: IndexedActionItem, today: string): boolean {
  return item.status === 'open' && item.due !== null && item.due < today;
}

export function openOverdueCount(postmortems: readonly IndexedPostmortem[], today: string): number {
  return postmortems.reduce((n, p) => n + p.actionItems.filter((item) => isOverdue(item, today)).length, 0);
}

/** Year → month → postmortem, newest first; undated ones last, by file name. */
export function postmortemTree(postmortems: readonly IndexedPostmortem[]): ModelNode[] {
  const sorted = [...postmortems].sort((a, b) => (a.date === b.date ? byText(a.uri, b.uri) : a.date === null ? 1 : b.date === null ? -1 : byText(b.date, a.date)));
  const years: ModelNode[] = [];
  for (const p of sorted) {
    const year = p.date?.slice(0, 4) ?? 'Undated';
    let yearNode = years.find((y) => y.label === year);
    if (!yearNode) years.push((yearNode = { id: `year:${year}`, label: year, kind: 'group', children: [] }));
    let parent = yearNode;
    if (p.date) {
      const month = MONTHS[Number(p.date.slice(5, 7)) - 1] ?? p.date.slice(5, 7);
      parent = yearNode.children!.find((m) => m.label === month) ?? (yearNode.children!.push({ id: `month:${p.date.slice(0, 7)}`, label: month, kind: 'group', children: [] }), yearNode.children!.at(-1)!);
    }
    parent.children!.push(postmortemNode(p));
  }
  return years;
}

function postmortemNode(p: IndexedPostmortem): ModelNode {
  const duration = span(p.durationSeconds);
  const ttr = span(p.timeToResolveSeconds);
  const parts = [p.date, p.severity, p.status, duration && `lasted ${duration}`, ttr && `resolved in ${ttr}`, p.problemCount ? `${p.problemCount} problem${p.problemCount === 1 ? '' : 's'}` : 'no problems'].filter(Boolean);
  return { id: `pm:${p.uri}`, label: p.title ?? fileName(p.uri), description: parts.join(' · '), tooltip: `${fileName(p.uri)}\n${parts.join('\n')}`, open: { uri: p.uri, line: 0 }, kind: 'postmortem' };
}

/** Open, then Done; under each, by owner or by tag; items soonest due first. */
export function actionTree(postmortems: readonly IndexedPostmortem[], grouping: ActionGrouping, today: string): ModelNode[] {
  const items = postmortems.flatMap((p) => p.actionItems.map((item) => ({ item, p })));
  const nodes: ModelNode[] = [];
  for (const status of ['open', 'done'] as const) {
    const mine = items.filter(({ item }) => item.status === status);
    if (mine.length === 0) continue;
    const groups = new Map<string, typeof mine>();
    for (const entry of mine) {
      const key = (grouping === 'owner' ? entry.item.owner : entry.item.tag) ?? '';
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
    const none = grouping === 'owner' ? 'No owner' : 'Untagged';
    const children = [...groups.entries()]
      .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : byText(a.toLowerCase(), b.toLowerCase())))
      .map(([key, list]) => ({
        id: `${status}:${grouping}:${key}`,
        label: key || none,
        description: `${list.length}`,
        kind: 'group' as const,
        children: list
          .sort((a, b) => (a.item.due === b.item.due ? byText(a.p.uri, b.p.uri) || a.item.line - b.item.line : a.item.due === null ? 1 : b.item.due === null ? -1 : byText(a.item.due, b.item.due)))
          .map(({ item, p }) => actionNode(item, p, today)),
      }));
    const overdue = mine.filter(({ item }) => isOverdue(item, today)).length;
    nodes.push({ id: `status:${status}`, label: status === 'open' ? 'Open' : 'Done', description: `${mine.length}${overdue ? ` · ${overdue} overdue` : ''}`, kind: 'group', children });
  }
  return nodes;
}

function actionNode(item: IndexedActionItem, p: IndexedPostmortem, today: string): ModelNode {
  const overdue = isOverdue(item, today);
  const parts = [item.tag, item.owner, item.due && `due ${item.due}`, overdue ? 'overdue' : undefined].filter(Boolean);
  return {
    id: `action:${p.uri}:${item.line}`,
    label: item.text,
    description: parts.join(' · '),
    tooltip: `${item.text}\n${p.title ?? fileName(p.uri)}, line ${item.line + 1}`,
    open: { uri: p.uri, line: item.line },
    overdue,
    kind: 'action',
  };
}

/** Today as YYYY-MM-DD in the user's zone: what "overdue" is measured against. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
