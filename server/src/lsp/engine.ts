// The one door to the engine. It lives in its own bundle (dist/engine.cjs, next to
// dist/server.cjs) and is required on first use, so startup never pays for the parser.
import { createRequire } from 'node:module';
import type * as EngineModule from '../engine-entry.js';

export type Engine = typeof EngineModule;

// Whether a file is a postmortem is decided before the engine loads, by this dependency-free
// check, which is bundled into the server itself.
export { looksLikePostmortem } from '../core/detect.js';

const ENGINE_FILE = './engine.cjs';
// A local name rather than `require`, so the bundler leaves the call alone.
const load = createRequire(import.meta.url);
let loaded: Engine | undefined;

export function engine(): Engine {
  loaded ??= load(ENGINE_FILE) as Engine;
  return loaded;
}

/** Whether the engine bundle is in Node's module cache, checked there rather than trusted from our flag. */
export function isEngineLoaded(): boolean {
  return Object.keys(load.cache).some((file) => /[\\/]engine\.cjs$/.test(file));
}
