// When a change is analysed: the policy, directly (the protocol tests cover publishing itself).
import { describe, expect, it } from 'vitest';
import { changeDelay } from '../../server/src/lsp/diagnostics.js';

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
