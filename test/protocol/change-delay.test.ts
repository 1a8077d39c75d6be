// When a change is analysed: the policy, directly (the protocol tests cover publishing itself).
import { describe, expect, it } from 'vitest';
import { changeDelay } from '../../server/src/lsp/diagnostics.js';

describe('changeDelay', () => {
  it('a cheap document waits only as long as its last analysis took, burst or not', () => {
    expect(changeDelay(4.2, false)).toBe(5);
    expect(changeDelay(4.2, true)).toBe(5);
    expect(changeDelay(0.3, true)).toBe(1);
  });

  it('an expensive document is analysed at once after an isolated change', () => {
    expect(changeDelay(250, false)).toBe(0);
    expect(changeDelay(undefined, false)).toBe(0);
  });

  it('an expensive document waits the debounce while a burst is under way', () => {
    expect(changeDelay(250, true)).toBe(100);
    expect(changeDelay(undefined, true)).toBe(100);
  });
});
