import type { Fix, TextEdit } from '../types.js';

/** Applies non-overlapping edits; throws if two overlap (callers pick a consistent set first). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) throw new Error(`Overlapping or invalid edit at ${edit.start}`);
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/**
 * Two edits conflict when their ranges overlap, or both insert at the same point (the order would
 * be a guess). An insertion strictly inside a range overlaps it; one at its edge does not.
 */
function conflicts(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** Picks fixes in order, dropping any whose edits touch an edit already picked. */
export function selectCompatibleFixes(fixes: readonly Fix[]): Fix[] {
  const chosen: Fix[] = [];
  // Stryker disable next-line ArrayDeclaration: a string among the taken edits conflicts with none
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((edit) => taken.some((other) => conflicts(edit, other)))) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return chosen;
}

export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[] } {
  const applied = selectCompatibleFixes(fixes);
  return { text: applyEdits(text, applied.flatMap((fix) => fix.edits)), applied };
}
