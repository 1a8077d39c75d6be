// A big document's analysis leaves its model in the young generation, live; the next keystroke's
// analysis then paid for copying it when the collector ran in its middle, and the models promoted
// keystroke after keystroke grew the old generation until V8 chose to collect it, far past the
// memory target. Collected once the answer is posted, while the thread waits for the next request,
// both costs are off the path of any keystroke. Import-free: the worker hands in V8's collector
// (exposed for the worker by lsp/worker-runner.ts), its heap size and its scheduler.

/** V8's `gc`, when exposed: `minor` collects the young generation only (a few ms for 1 MB), `major` all of it. */
export type Collector = (options: { type: 'minor' | 'major' }) => void;

/** Below this a document's model is small enough for the collector to take in passing. */
export const IDLE_COLLECT_FROM_CHARS = 256 * 1024;
/** The heap may grow this much past what the last full collection left before the next one. */
export const IDLE_MAJOR_GROWTH_BYTES = 32 * 1024 * 1024;

export class IdleCollector {
  /** Heap in use after the last full collection. */
  private settled: number | undefined;

  constructor(
    private readonly collect: Collector | undefined,
    private readonly heapUsed: () => number,
    private readonly later: (run: () => void) => void,
  ) {}

  /**
   * After an answer for a text of `chars` characters: collects on the next turn, unless another
   * request has arrived by then (`stillIdle` is false), which then goes first. The young generation
   * each time; all of the heap once it has grown IDLE_MAJOR_GROWTH_BYTES since the last time.
   */
  answered(chars: number, stillIdle: () => boolean): void {
    const { collect } = this;
    if (!collect || chars < IDLE_COLLECT_FROM_CHARS) return;
    this.later(() => {
      if (!stillIdle()) return;
      if (this.settled !== undefined && this.heapUsed() - this.settled < IDLE_MAJOR_GROWTH_BYTES) return collect({ type: 'minor' });
      collect({ type: 'major' });
      this.settled = this.heapUsed();
    });
  }
}
