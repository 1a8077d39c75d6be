import type { ListItem } from 'mdast';

const TASK_BOX = /^\[[ xX]\]/;

/**
 * Where a task item's text starts. mdast starts its paragraph at the checkbox when a hard break
 * follows it ("[ ]  ⏎"), after the box and one space otherwise, keeping any further spaces
 * ("[ ]  text" starts at " text"), and between \r and \n when the box ends a CRLF line: skip the
 * box if it is there, then any white space, line endings included (the text may start on the
 * next line), but not past `end`.
 */
export function afterCheckbox(text: string, item: ListItem, bodyStart: number, end = text.length): number {
  if (item.checked === null || item.checked === undefined) return bodyStart;
  let i = bodyStart + (TASK_BOX.exec(text.slice(bodyStart, bodyStart + 3))?.[0].length ?? 0);
  while (i < end && /[ \t\r\n]/.test(text[i])) i++;
  return i;
}
