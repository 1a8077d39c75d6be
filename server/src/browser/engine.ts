// The web server's engine: bundled in (a web worker has no require), the same surface as lsp/engine.ts,
// which scripts/build.mjs replaces with this file in the web bundle.
import * as EngineModule from '../engine-entry.js';

export type Engine = typeof EngineModule;

export { looksLikePostmortem } from '../core/detect.js';

export function engine(): Engine {
  return EngineModule;
}

/** Always loaded: it is part of the worker's one bundle. */
export function isEngineLoaded(): boolean {
  return true;
}
