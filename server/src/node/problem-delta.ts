// Problems cross from the analysis worker as a delta on the ones it sent before for the same
// document: a one-character edit in a document with 1,300 problems changes one or two of them,
// and copying all of them (600 KB with their fixes) both ways on every keystroke cost more than
// the change. Import-free but for core's text-change.ts: the worker (analysis-worker.ts) encodes,
// the pool (worker-pool.ts) decodes, each against its own record of what went across last.
import type { Problem } from '../core/index.js';
import { commonPrefix } from '../core/parse/text-change.js';

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

/** A number under `start` or `end` is an offset. Encoding and decoding both go by this one rule. */
const isOffset = (key: string, value: unknown): value is number => (key === 'start' || key === 'end') && typeof value === 'number';
const move = (offset: number, { from, delta }: Shift) => (offset >= from ? offset + delta : offset);

/** `value` with its offsets shifted; the very same object when none moves (so its conversions can be reused). */
export function shifted<T>(value: T, shift: Shift): T {
  if (typeof value !== 'object' || value === null) return value;
  // Plain loops: this runs over every problem after an edit, fixes and all.
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const moved = shifted(value[i], shift);
      if (moved !== value[i]) (copy ??= value.slice())[i] = moved;
    }
    return (copy ?? value) as T;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in record) {
    const item = record[key];
    const moved = isOffset(key, item) ? move(item, shift) : shifted(item, shift);
    if (moved !== item) (copy ??= { ...record })[key] = moved;
  }
  return (copy ?? value) as T;
}

/** Whether `after` equals `before` shifted, without building the shifted copy. */
function equalShifted(before: unknown, after: unknown, shift: Shift): boolean {
  if (typeof before !== 'object' || before === null) return before === after;
  if (typeof after !== 'object' || after === null || Array.isArray(before) !== Array.isArray(after)) return false;
  if (Array.isArray(before)) {
    const other = after as unknown[];
    if (before.length !== other.length) return false;
    for (let i = 0; i < before.length; i++) if (!equalShifted(before[i], other[i], shift)) return false;
    return true;
  }
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  let count = 0;
  for (const key in a) {
    count++;
    const value = a[key];
    if (!(key in b) || (isOffset(key, value) ? move(value, shift) !== b[key] : !equalShifted(value, b[key], shift))) return false;
  }
  for (const _ in b) count--;
  return count === 0;
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

/** The problems an encoding stands for, given the same `previous` the encoder had. */
export function decodeProblems(previous: readonly Problem[], shift: Shift, encoded: EncodedProblems): Problem[] {
  return encoded.map((entry) => {
    if (typeof entry !== 'number') return entry;
    const problem = previous[entry];
    if (!problem) throw new Error(`the analysis worker referred to problem ${entry}, which it never sent`);
    return shifted(problem, shift);
  });
}

/**
 * One side's record of the problems last sent per document, and the text they are of. The worker
 * encodes with one and the pool decodes with another; both record the same results in the same
 * order (every `analyze` result of an open document), so each delta refers to what the other holds.
 */
export class ProblemRecord {
  private readonly last = new Map<string, { text: string; problems: readonly Problem[] }>();

  encode(uri: string, text: string, problems: Problem[]): { problems: EncodedProblems; shift?: Shift } {
    const before = this.last.get(uri);
    const shift = before && shiftBetween(before.text, text);
    const encoded = before && shift ? encodeProblems(before.problems, shift, problems) : problems;
    this.last.set(uri, { text, problems });
    return { problems: encoded, shift };
  }

  /** Without a `shift` the problems came whole. */
  decode(uri: string, text: string, encoded: EncodedProblems, shift: Shift | undefined): Problem[] {
    const before = this.last.get(uri);
    if (shift && !before) throw new Error('the analysis worker sent a delta on problems never received');
    const problems = shift && before ? decodeProblems(before.problems, shift, encoded) : (encoded as Problem[]);
    this.last.set(uri, { text, problems });
    return problems;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
