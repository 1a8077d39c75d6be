// A big document's analysis leaves its model in the young generation, live; the next keystroke's
// analysis then paid for copying it when the collector ran in its middle. And the first analysis of
// a big document (or any that parsed it all again) leaves the old generation full of what it threw
// away: V8 then marked and compacted it in steps through the keystrokes after. Collected once the
// answer is posted, while the thread waits for the next request, both are off the path of any
// keystroke. Import-free: the worker hands in V8's collector (exposed for the worker by
// lsp/worker-runner.ts) and its scheduler.

/** V8's `gc`, when exposed: `{ type: 'minor' }` collects the young generation (a few ms after 1 MB), no argument the whole heap. */
export type Collector = (options?: { type: 'minor' }) => void;

/** Below this a document's model is small enough for the collector to take in passing. */
export const IDLE_COLLECT_FROM_CHARS = 256 * 1024;
/** An analysis this long parsed much of its document again: the whole heap is collected after it. */
export const FULL_COLLECT_AFTER_MS = 250;

/**
 * After an answer for a text of `chars` characters whose analysis took `ms`: collects on the next
 * turn, unless another request has arrived by then (`stillIdle` is false), which then goes first.
 * The young generation after a keystroke's analysis; the whole heap after a long one (a document
 * opened, its template changed), which the user is waiting for anyway.
 */
export function collectWhenIdle(collect: Collector | undefined, chars: number, ms: number, stillIdle: () => boolean, later: (run: () => void) => void): void {
  if (!collect || chars < IDLE_COLLECT_FROM_CHARS) return;
  later(() => {
    if (!stillIdle()) return;
    if (ms >= FULL_COLLECT_AFTER_MS) collect();
    else collect({ type: 'minor' });
  });
}
