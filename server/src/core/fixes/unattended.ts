// Dependency-free, so the language server can ask it without loading the engine bundle.
import type { Fix } from '../types.js';

/** Whether Fix All and `--fix` may apply the fix unattended (Fix.fixAll, else isPreferred). */
export function isUnattended(fix: Fix): boolean {
  return fix.fixAll ?? fix.isPreferred === true;
}
