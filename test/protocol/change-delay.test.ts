// When a change is analysed: the policy, directly (the protocol tests cover publishing itself).
import { describe, expect, it } from 'vitest';
import { changeDelay } from '../../server/src/lsp/diagnostics.js';
import { problemKey, problemsToHold } from '../../server/src/lsp/hold.js';
import type { Problem } from '../../server/src/core/types.js';

describe('changeDelay', () => {
  it('a cheap document waits as long as its last analysis took, burst or not', () => {
    expect(changeDelay(3.2, false)).toBe(4);
    expect(changeDelay(3.2, true)).toBe(4);
    expect(changeDelay(0.3, true)).toBe(1);
  });

  it('no change waits more than a few milliseconds for the rest of its burst to arrive', () => {
    expect(changeDelay(28, false)).toBe(5);
    expect(changeDelay(28, true)).toBe(5);
    expect(changeDelay(250, false)).toBe(5);
    expect(changeDelay(undefined, false)).toBe(5);
  });

  it('an expensive document waits the debounce while a burst is under way', () => {
    expect(changeDelay(250, true)).toBe(100);
    expect(changeDelay(undefined, true)).toBe(100);
  });
});

describe('problemsToHold', () => {
  const problem = (rule: string, message: string, start: number, end = start + 1): Problem => ({ rule, message, severity: 'error', range: { start, end }, fixes: [] });
  const before = 'line one\nline two\n';
  const after = 'line one\nline 2wo\n';
  const published = { text: before, keys: new Set([problemKey(problem('a', 'old', 0))]) };

  it('holds a new problem on a changed line, not one elsewhere, and not one already shown', () => {
    const problems = [problem('a', 'old', 9), problem('b', 'new on the edited line', 12), problem('c', 'new elsewhere', 2)];
    expect([...problemsToHold(published, after, problems)]).toEqual([1]);
  });

  it('holds nothing on the first publish, or when the text is the same', () => {
    expect(problemsToHold(undefined, after, [problem('b', 'x', 12)]).size).toBe(0);
    expect(problemsToHold(published, before, [problem('b', 'x', 12)]).size).toBe(0);
  });
});
