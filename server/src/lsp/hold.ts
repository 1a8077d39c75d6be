// While typing, a line is flagged before it is finished (`- **13:5` cannot be read yet). Problems
// that appear on the lines of the latest change wait until typing pauses; problems elsewhere, and
// any that disappear, are published at once.
import type { Problem } from '../engine-entry.js';
import { minimalEdit } from './edits.js';

/** How long typing must pause before problems on the lines being typed are shown. */
export const HOLD_MS = 1000;

export interface Published {
  text: string;
  /** Rule and message of each published problem. */
  keys: Set<string>;
}

export const problemKey = (problem: Pick<Problem, 'rule' | 'message'>) => `${problem.rule}\u0000${problem.message}`;

/** Indices of the problems to hold back: new since `previous`, and on the lines that changed since it. */
export function problemsToHold(previous: Published | undefined, text: string, problems: readonly Problem[]): Set<number> {
  const held = new Set<number>();
  if (!previous) return held;
  const edit = minimalEdit(previous.text, text);
  if (!edit) return held;
  const start = lineStart(text, edit.start);
  const end = lineEnd(text, edit.start + edit.newText.length);
  problems.forEach((problem, index) => {
    const touches = problem.range.start <= end && problem.range.end >= start;
    if (touches && !previous.keys.has(problemKey(problem))) held.add(index);
  });
  return held;
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}
