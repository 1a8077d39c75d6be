import type { ListItem } from 'mdast';

const TASK_BOX = /^\[[ xX]\]/;

/**
 * Where a task item's text starts. mdast starts its paragraph at the checkbox when a hard break
 * follows it ("[ ]  ⏎"), otherwise after the box and one space, keeping any further spaces
 * ("[ ]  text" starts at " text"): skip the box if it is there, then any spaces or tabs.
 */
export function afterCheckbox(text: string, item: ListItem, bodyStart: number, end = text.length): number {
  if (item.checked === null || item.checked === undefined) return bodyStart;
  let i = bodyStart + (TASK_BOX.exec(text.slice(bodyStart, bodyStart + 3))?.[0].length ?? 0);
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}
