// Problems cross from the analysis worker as a delta on the ones it sent before for the same
// document: a one-character edit in a document with 1,300 problems changes one or two of them,
// and copying all of them (600 KB with their fixes) both ways on every keystroke cost more than
// the change. Import-free but for core's text-change.ts: the worker (analysis-worker.ts) encodes,
// the pool (worker-pool.ts) decodes, each against its own record of what went across last.
import type { Fix, Problem, Range, RelatedInformation, TextEdit } from '../core/index.js';
import { commonPrefix, textChange, type KnownChange, type TextChange } from '../core/parse/text-change.js';

/** Where two texts start to differ, and by how much the rest moved: offsets ≥ `from` move by `delta`. */
export interface Shift {
  from: number;
  delta: number;
}

/** An entry is a problem as is, or the index of an earlier one that is equal once shifted. */
export type EncodedProblems = (Problem | number)[];

/** The shift between two versions of a text: their common prefix, and the change in length. */
export function shiftBetween(before: string, after: string): Shift {
  return { from: commonPrefix(before, after), delta: after.length - before.length };
}

const move = (offset: number, { from, delta }: Shift) => (offset >= from ? offset + delta : offset);

// Problems have one shape (core/types.ts; analyze.ts builds each from these fields), compared and
// shifted field by field: a generic walk over 1,300 problems and their fixes took ~3 ms a keystroke
// on each side. This compiles only while the lists name every field of their type, so a field
// added to a problem, a fix, an edit or a related note must be handled here too.
type Every<T, K extends keyof T> = [Exclude<keyof T, K>] extends [never] ? true : false;
export const FIELDS_HANDLED: [
  Every<Problem, 'rule' | 'severity' | 'message' | 'range' | 'fixes' | 'related'>,
  Every<Fix, 'title' | 'edits' | 'isPreferred' | 'fixAll'>,
  Every<TextEdit, 'start' | 'end' | 'newText'>,
  Every<RelatedInformation, 'range' | 'message'>,
] = [true, true, true, true];

const equalRange = (a: Range, b: Range, shift: Shift) => move(a.start, shift) === b.start && move(a.end, shift) === b.end;

function equalFix(a: Fix, b: Fix, shift: Shift): boolean {
  if (a.title !== b.title || a.isPreferred !== b.isPreferred || a.fixAll !== b.fixAll || a.edits.length !== b.edits.length) return false;
  for (let i = 0; i < a.edits.length; i++) {
    const x = a.edits[i];
    const y = b.edits[i];
    if (x.newText !== y.newText || !equalRange(x, y, shift)) return false;
  }
  return true;
}

/** Whether `after` equals `before` shifted, without building the shifted copy. */
function equalShifted(before: Problem, after: Problem, shift: Shift): boolean {
  if (before.rule !== after.rule || before.severity !== after.severity || before.message !== after.message || !equalRange(before.range, after.range, shift)) return false;
  if (before.fixes.length !== after.fixes.length) return false;
  for (let i = 0; i < before.fixes.length; i++) if (!equalFix(before.fixes[i], after.fixes[i], shift)) return false;
  const a = before.related;
  const b = after.related;
  if (a === undefined || b === undefined) return a === b && ('related' in before) === ('related' in after);
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].message !== b[i].message || !equalRange(a[i].range, b[i].range, shift)) return false;
  return true;
}

/** Whether any offset of the problem (its range, its fixes' edits, its related notes) is at or past `from`. */
function moves(problem: Problem, from: number): boolean {
  if (problem.range.end >= from || problem.range.start >= from) return true;
  for (const fix of problem.fixes) for (const edit of fix.edits) if (edit.start >= from || edit.end >= from) return true;
  for (const note of problem.related ?? []) if (note.range.start >= from || note.range.end >= from) return true;
  return false;
}

const shiftRange = (range: Range, shift: Shift): Range => ({ start: move(range.start, shift), end: move(range.end, shift) });

function shiftFix(fix: Fix, shift: Shift): Fix {
  const edits: TextEdit[] = new Array(fix.edits.length);
  for (let i = 0; i < edits.length; i++) {
    const edit = fix.edits[i];
    edits[i] = { start: move(edit.start, shift), end: move(edit.end, shift), newText: edit.newText };
  }
  const moved: Fix = { title: fix.title, edits };
  // Optional fields stay absent where they were: the copy must equal what the worker found.
  if ('isPreferred' in fix) moved.isPreferred = fix.isPreferred;
  if ('fixAll' in fix) moved.fixAll = fix.fixAll;
  return moved;
}

/**
 * The problem with its offsets shifted; the very same object when none moves (so its conversion
 * can be reused). Built field by field: spreading 650 received problems took ~4 ms a keystroke.
 */
export function shiftedProblem(problem: Problem, shift: Shift): Problem {
  if (!moves(problem, shift.from)) return problem;
  const fixes: Fix[] = new Array(problem.fixes.length);
  for (let i = 0; i < fixes.length; i++) fixes[i] = shiftFix(problem.fixes[i], shift);
  const moved: Problem = { rule: problem.rule, severity: problem.severity, message: problem.message, range: shiftRange(problem.range, shift), fixes };
  if ('related' in problem) moved.related = problem.related?.map((note) => ({ range: shiftRange(note.range, shift), message: note.message }));
  return moved;
}

const keyOf = (problem: Problem, start: number, end: number) => `${problem.rule}\u0000${start}\u0000${end}`;

/** `problems` as a delta on `previous` (what the other side holds), after the text moved by `shift`. */
export function encodeProblems(previous: readonly Problem[], shift: Shift, problems: readonly Problem[]): EncodedProblems {
  const used = new Uint8Array(previous.length);
  // Problems mostly come in the same order as before: the next one is tried first, a lookup by rule and range only when it differs.
  let candidates: Map<string, number[]> | undefined;
  const lookup = () => {
    const map = new Map<string, number[]>();
    previous.forEach((problem, index) => {
      const key = keyOf(problem, move(problem.range.start, shift), move(problem.range.end, shift));
      const list = map.get(key);
      if (list) list.push(index);
      else map.set(key, [index]);
    });
    return map;
  };
  let next = 0;
  return problems.map((problem) => {
    if (next < previous.length && !used[next] && equalShifted(previous[next], problem, shift)) {
      used[next] = 1;
      return next++;
    }
    const list = (candidates ??= lookup()).get(keyOf(problem, problem.range.start, problem.range.end)) ?? [];
    const index = list.find((i) => !used[i] && equalShifted(previous[i], problem, shift));
    if (index === undefined) return problem;
    used[index] = 1;
    next = index + 1;
    return index;
  });
}

const outside = (offset: number, from: number, to: number) => offset < from || offset >= to;

/** Whether every offset of the problem (its range, its fixes' edits, its related notes) is before `from` or at or past `to`. */
function allOutside(problem: Problem, from: number, to: number): boolean {
  if (!outside(problem.range.start, from, to) || !outside(problem.range.end, from, to)) return false;
  for (const fix of problem.fixes) for (const edit of fix.edits) if (!outside(edit.start, from, to) || !outside(edit.end, from, to)) return false;
  for (const note of problem.related ?? []) if (!outside(note.range.start, from, to) || !outside(note.range.end, from, to)) return false;
  return true;
}

// A shifted copy all of whose offsets keep their line and column is shown exactly as the problem it
// was copied from, so the language server converts it once (lsp/converted-problems.ts): typing in
// a line made 1,300 new copies, each converted again, though none had moved on screen. Kept per
// decoded list, by index (an entry per copy in a WeakMap cost ~0.8 ms a keystroke), and the first
// problem of a line of copies, so a list keeps its copies' originals alive, not every keystroke's.
const copiedFrom = new WeakMap<readonly Problem[], readonly (Problem | undefined)[]>();

/** The earlier problem that `problems[index]` is a shifted copy of, at the very same lines and columns; undefined if none. */
export function samePositionsAs(problems: readonly Problem[], index: number): Problem | undefined {
  return copiedFrom.get(problems)?.[index];
}

/** Whether a line starts at `at` ≥ 1: after a \n, a \r\n or a lone \r, as lsp/snapshot.ts counts lines. */
function startsLine(text: string, at: number): boolean {
  const code = text.charCodeAt(at - 1);
  return code === 10 || (code === 13 && text.charCodeAt(at) !== 10);
}

/**
 * The offset of `after` from which every offset has the line and column it had in `before` once
 * moved by `shift`: the start of the line after the edit's last, when the edit added or removed no
 * line break. Undefined when it did, or when there is no line after it.
 */
export function samePositionsFrom(before: string, after: string, shift: Shift, change: TextChange = textChange(before, after)): number | undefined {
  const { from, oldEnd, newEnd } = change;
  if (from !== shift.from || newEnd - oldEnd !== shift.delta) return undefined;
  // A line start outside before[from, oldEnd] and after[from, newEnd] reads only the common prefix
  // or suffix around it, so it is in both texts: lines keep their numbers past the edit when these agree.
  let lines = 0;
  for (let at = Math.max(from, 1); at <= oldEnd; at++) if (startsLine(before, at)) lines++;
  for (let at = Math.max(from, 1); at <= newEnd; at++) if (startsLine(after, at)) lines--;
  if (lines !== 0) return undefined;
  // Past the next line start, a column counts characters of the common suffix only.
  for (let at = newEnd + 1; at <= after.length; at++) if (startsLine(after, at)) return at;
  return undefined;
}

/**
 * The problems an encoding stands for, given the same `previous` the encoder had. `keptFrom`: the
 * offset of the new text from which positions are as before (samePositionsFrom), if any.
 */
export function decodeProblems(previous: readonly Problem[], shift: Shift, encoded: EncodedProblems, keptFrom = Infinity): Problem[] {
  const earlier = copiedFrom.get(previous);
  const originals = new Array<Problem | undefined>(encoded.length);
  let copies = false;
  const problems = encoded.map((entry, index) => {
    if (typeof entry !== 'number') return entry;
    const problem = previous[entry];
    if (!problem) throw new Error(`the analysis worker referred to problem ${entry}, which it never sent`);
    const copy = shiftedProblem(problem, shift);
    // A copy keeps its place when each offset is before the edit (it did not move) or moves to
    // keptFrom or past it: told on the original, as in the copy an offset in what the edit removed
    // may have moved before it. The very object again keeps its original, its conversion filed under that.
    const original = copy === problem ? earlier?.[entry] : allOutside(problem, shift.from, keptFrom - shift.delta) ? (earlier?.[entry] ?? problem) : undefined;
    if (original) (originals[index] = original), (copies = true);
    return copy;
  });
  if (copies) copiedFrom.set(problems, originals);
  return problems;
}

/**
 * One side's record of the problems last sent per document, and the text they are of. The worker
 * encodes with one and the pool decodes with another; both record the same results in the same
 * order (every `analyze` result of an open document), so each delta refers to what the other holds.
 */
export class ProblemRecord {
  private readonly last = new Map<string, { text: string; problems: readonly Problem[] }>();

  /** `came`: how `text` came from the one before, if known (it spares comparing the two). */
  encode(uri: string, text: string, problems: Problem[], came?: KnownChange): { problems: EncodedProblems; shift?: Shift } {
    const before = this.last.get(uri);
    const shift = before && (came?.before === before.text ? { from: came.change.from, delta: text.length - before.text.length } : shiftBetween(before.text, text));
    const encoded = before && shift ? encodeProblems(before.problems, shift, problems) : problems;
    this.last.set(uri, { text, problems });
    return { problems: encoded, shift };
  }

  /**
   * Without a `shift` the problems came whole. `came`: how `text` came from `came.before`, if the
   * caller knows it (the pool posted the text as that edit); used when that is the text before.
   */
  decode(uri: string, text: string, encoded: EncodedProblems, shift: Shift | undefined, came?: KnownChange): Problem[] {
    const before = this.last.get(uri);
    if (shift && !before) throw new Error('the analysis worker sent a delta on problems never received');
    const known = came && came.before === before?.text ? came.change : undefined;
    const problems = shift && before ? decodeProblems(before.problems, shift, encoded, samePositionsFrom(before.text, text, shift, known)) : (encoded as Problem[]);
    this.last.set(uri, { text, problems });
    return problems;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
