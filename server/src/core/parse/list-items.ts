import type { ListItem } from 'mdast';

const TASK_BOX = /^\[[ xX]\][ \t]*/;

/** A task item's paragraph starts at its checkbox; its text starts after it. */
export function afterCheckbox(text: string, item: ListItem, bodyStart: number): number {
  if (item.checked === null || item.checked === undefined) return bodyStart;
  return bodyStart + (TASK_BOX.exec(text.slice(bodyStart, bodyStart + 8))?.[0].length ?? 0);
}
