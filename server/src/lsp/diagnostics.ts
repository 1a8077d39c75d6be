// Diagnostics while typing: the latest version of each document only, superseded analyses
// dropped, one document per turn of the event loop so requests are answered in between. A change
// after a pause is analysed at once, one close behind another a few milliseconds after it arrives;
// an expensive document's changes, once they come in a burst, only when the burst ends (see
// changeDelay). Problems that appear on the lines being typed are published once typing pauses
// (hold.ts); the rest at once.
import type { Connection } from 'vscode-languageserver';
import type { PostmortemService } from './service.js';
import { logFailure } from './guard.js';
import { recheckFromDisk } from './lint-workspace.js';
import { HOLD_MS, problemsToHold } from './hold.js';

// Exported for the bench's report, which states them.
export const DEBOUNCE_MS = 100;
/** An analysis this quick runs after every change; slower ones are debounced within a burst. */
export const CHEAP_MS = 30;
/** The most a change waits for the rest of its burst before it is analysed. */
export const SETTLE_MS = 5;
/** A change this long after the document's previous one is not part of its burst. */
export const PAUSE_MS = 20;

type Reason = 'change' | 'open' | 'save' | 'refresh';

/** Anything but a change runs even with `postmortem.validate: "onSave"`, so it wins when merged. */
const merge = (...reasons: (Reason | undefined)[]): Reason => reasons.find((r) => r !== undefined && r !== 'change') ?? 'change';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * How long a change waits before its analysis. One that comes after a pause (`sincePreviousMs`
 * from the document's previous change, undefined for its first) is taken to be alone and waits
 * for nothing, unless its analysis is slow enough that a wasted one would hold up the next. A
 * change close behind another waits for the rest of a burst that is still arriving to land (a
 * paste or a multi-cursor edit may come as several messages): as long as the document's last
 * analysis took (`lastCostMs`), at most SETTLE_MS. Once a burst is under way, an expensive
 * document waits for it to end instead.
 */
export function changeDelay(lastCostMs: number | undefined, burst: boolean, sincePreviousMs?: number): number {
  const cost = lastCostMs ?? Infinity;
  if (burst && cost > CHEAP_MS) return DEBOUNCE_MS;
  if (!burst && cost < DEBOUNCE_MS && (sincePreviousMs === undefined || sincePreviousMs >= PAUSE_MS)) return 0;
  return Math.min(Math.ceil(cost), SETTLE_MS);
}

/**
 * Calls `fire` after `delay` ms and after the messages already received: vscode-jsonrpc handles one
 * queued message per setImmediate, so two hops land behind the next one, and a change in a burst
 * that has arrived cancels this before it fires. Returns the cancel function.
 */
function afterQueuedMessages(fire: () => void, delay: number): () => void {
  let cancelled = false;
  const hops = () => setImmediate(() => setImmediate(() => cancelled || fire()));
  const timer = delay > 0 ? setTimeout(hops, delay) : (hops(), undefined);
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}

export function registerDiagnosticsSupport(connection: Connection, service: PostmortemService): void {
  const scheduler = new DiagnosticsScheduler(connection, service);
  const { documents } = service;
  documents.onDidOpen(({ document }) => scheduler.schedule(document.uri, 'open', document.version));
  documents.onDidChangeContent(({ document }) => scheduler.schedule(document.uri, 'change', document.version));
  documents.onDidSave(({ document }) => scheduler.schedule(document.uri, 'save', document.version));
  documents.onDidClose(({ document }) => scheduler.close(document.uri));
  service.onRefresh(() => {
    for (const document of documents.all()) scheduler.schedule(document.uri, 'refresh', document.version);
    // Closed files Lint Workspace reported on are reported on still: they follow the new config too.
    logFailure(connection, 'Re-checking workspace postmortems', recheckFromDisk(connection, service, service.publisher.reportedFromDisk()));
  });
}

class DiagnosticsScheduler {
  private readonly timers = new Map<string, { cancel: () => void; reason: Reason }>();
  /** Per document: the timer that publishes the problems held back while typing (hold.ts). */
  private readonly holds = new Map<string, NodeJS.Timeout>();
  private readonly ready = new Map<string, Reason>();
  /** The version each document was last scheduled at: didOpen also fires a content change for it. */
  private readonly scheduled = new Map<string, number>();
  /** When each document's latest change arrived (performance.now()). */
  private readonly changedAt = new Map<string, number>();
  private running = false;

  constructor(
    private readonly connection: Connection,
    private readonly service: PostmortemService,
  ) {}

  schedule(uri: string, reason: Reason, version: number): void {
    if (reason === 'change' && this.scheduled.get(uri) === version) return;
    this.scheduled.set(uri, version);
    // Typing goes on: the next analysis decides again what to hold.
    this.release(uri);
    const pending = this.timers.get(uri);
    pending?.cancel();
    const merged = merge(pending?.reason, this.ready.get(uri), reason);
    const burst = pending !== undefined || this.ready.has(uri);
    // A change waits for the burst to end, even when an earlier open or save is still queued.
    this.ready.delete(uri);
    let delay = 0;
    if (reason === 'change') {
      const now = performance.now();
      const previous = this.changedAt.get(uri);
      this.changedAt.set(uri, now);
      delay = changeDelay(this.service.lastAnalysis(uri)?.ms, burst, previous === undefined ? undefined : now - previous);
    }
    const cancel = afterQueuedMessages(() => {
      this.timers.delete(uri);
      this.ready.set(uri, merged);
      this.drain();
    }, delay);
    this.timers.set(uri, { cancel, reason: merged });
  }

  close(uri: string): void {
    this.release(uri);
    this.timers.get(uri)?.cancel();
    this.timers.delete(uri);
    this.ready.delete(uri);
    this.scheduled.delete(uri);
    this.changedAt.delete(uri);
    this.service.forget(uri);
    // A file Lint Workspace reported on keeps its problems, from the text on disk now.
    if (this.service.publisher.isFromDisk(uri)) logFailure(this.connection, 'Re-checking a closed postmortem', recheckFromDisk(this.connection, this.service, [uri]));
    else this.service.publisher.clear(uri);
  }

  private drain(): void {
    if (this.running) return;
    this.running = true;
    const done = this.work().finally(() => {
      this.running = false;
      if (this.ready.size > 0) this.drain();
    });
    logFailure(this.connection, 'Checking postmortems', done);
  }

  private async work(): Promise<void> {
    while (this.ready.size > 0) {
      const [uri, reason] = this.ready.entries().next().value as [string, Reason];
      this.ready.delete(uri);
      try {
        await this.check(uri, reason);
      } catch (error) {
        this.connection.console.error(`Checking ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      }
      await nextTurn();
    }
  }

  private async check(uri: string, reason: Reason): Promise<void> {
    const { service } = this;
    const document = service.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const state = await service.stateOf(uri, document.getText(), document.languageId);
    const current = () => service.documents.get(uri)?.version === version;
    // A newer version has its own timer; this one is superseded.
    if (!current()) return;
    if (!state.isPostmortem) {
      service.publisher.clear(uri);
      return;
    }
    if (reason === 'change' && state.settings.validate === 'onSave') return;
    const entry = await service.analysisOf(document);
    if (!entry || !current() || entry.version !== version) return;
    const hold = reason === 'change' ? problemsToHold(service.publisher.lastPublished(uri), entry.document.getText(), entry.analysis.problems) : new Set<number>();
    service.publisher.publish(entry, true, hold);
    if (hold.size === 0) return;
    this.holds.set(uri, setTimeout(() => {
      this.holds.delete(uri);
      // Still the latest version, and nothing published since: show them all.
      if (current() && service.publisher.lastPublished(uri)?.analysis === entry.id) service.publisher.publish(entry);
    }, HOLD_MS));
  }

  private release(uri: string): void {
    clearTimeout(this.holds.get(uri));
    this.holds.delete(uri);
  }
}
