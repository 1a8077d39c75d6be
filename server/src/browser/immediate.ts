// A web worker has no setImmediate; the shared LSP code yields with it (lsp/diagnostics.ts).
// A zero timeout is the nearest a worker has: it runs after the messages already queued.
const scope = globalThis as { setImmediate?: unknown };
scope.setImmediate ??= (run: (...args: unknown[]) => void, ...args: unknown[]) => setTimeout(run, 0, ...args);
export {};
