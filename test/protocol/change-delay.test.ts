// When a change is analysed: the policy, directly (the protocol tests cover publishing itself).
import { describe, expect, it } from 'vitest';
import { changeDelay, DEBOUNCE_MS, PAUSE_MS, SETTLE_MS } from '../../server/src/lsp/diagnostics.js';
import { problemKey, problemsToHold } from '../../server/src/lsp/hold.js';
import type { Problem } from '../../server/src/core/types.js';

describe('changeDelay', () => {
  // 2 ms after the previous change: close behind it, so possibly the rest of a burst.
  const close = 2;

  it('a change after a pause, or the first one, is analysed at once when its analysis is not slow', () => {
    expect(changeDelay(3.2, false, PAUSE_MS)).toBe(0);
    expect(changeDelay(28, false, 400)).toBe(0);
    expect(changeDelay(60, false, undefined)).toBe(0);
  });

  it('after a pause, a slow or never-timed analysis still waits for the rest of a burst', () => {
    expect(changeDelay(DEBOUNCE_MS, false, 400)).toBe(SETTLE_MS);
    expect(changeDelay(250, false, undefined)).toBe(SETTLE_MS);
    expect(changeDelay(undefined, false, 400)).toBe(SETTLE_MS);
  });

  it('a cheap document close behind its last change waits as long as its last analysis took, burst or not', () => {
    expect(changeDelay(3.2, false, close)).toBe(4);
    expect(changeDelay(3.2, false, PAUSE_MS - 1)).toBe(4);
    expect(changeDelay(3.2, true, 400)).toBe(4);
    expect(changeDelay(0.3, true, close)).toBe(1);
  });

  it('no change waits more than a few milliseconds for the rest of its burst to arrive', () => {
    expect(changeDelay(28, false, close)).toBe(SETTLE_MS);
    expect(changeDelay(28, true, close)).toBe(SETTLE_MS);
    expect(changeDelay(250, false, close)).toBe(SETTLE_MS);
    expect(changeDelay(undefined, false, close)).toBe(SETTLE_MS);
  });

  it('an expensive document waits the debounce while a burst is under way, pause or not', () => {
    expect(changeDelay(250, true, close)).toBe(DEBOUNCE_MS);
    expect(changeDelay(undefined, true, 400)).toBe(DEBOUNCE_MS);
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
