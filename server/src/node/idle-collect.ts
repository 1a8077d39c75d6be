// A big document's analysis leaves its model in the young generation, live; the next keystroke's
// analysis then paid for copying it when the collector ran in its middle. Collected once the answer
// is posted, while the thread waits for the next request, that copying is off the path of any
// keystroke. Import-free: the worker hands in V8's collector (exposed for the worker by
// lsp/worker-runner.ts) and its scheduler.

/**
 * V8's `gc`, when exposed, asked for the young generation only (a few ms after 1 MB): `gc()` with
 * no argument collects the whole heap, which takes longer than the wait for the next keystroke.
 */
export type Collector = (options: { type: 'minor' }) => void;

/** Below this a document's model is small enough for the collector to take in passing. */
export const IDLE_COLLECT_FROM_CHARS = 256 * 1024;

/**
 * After an answer for a text of `chars` characters: collects the young generation on the next
 * turn, unless another request has arrived by then (`stillIdle` is false), which then goes first.
 */
export function collectWhenIdle(collect: Collector | undefined, chars: number, stillIdle: () => boolean, later: (run: () => void) => void): void {
  if (!collect || chars < IDLE_COLLECT_FROM_CHARS) return;
  later(() => {
    if (stillIdle()) collect({ type: 'minor' });
  });
}
