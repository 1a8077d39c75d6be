// Waiting on conditions with deadlines: the end-to-end tests never sleep a fixed time.

export class TimeoutError extends Error {}

/** Thrown by a probe when waiting longer cannot help (the process died): waitFor rethrows it at once. */
export class GiveUp extends Error {}

/** Stretches every deadline on a slow or busy machine: PM_E2E_TIMEOUT_SCALE=2 doubles them. */
export const TIMEOUT_SCALE = Math.max(1, Number(process.env.PM_E2E_TIMEOUT_SCALE) || 1);

/**
 * Polls `probe` until it returns a value other than undefined/false/null, and resolves to it.
 * Throws a TimeoutError naming `what` (and the last value or error seen) once `timeoutMs` passes.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<T> {
  timeoutMs *= TIMEOUT_SCALE;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
      last = value;
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      last = error instanceof Error ? error.message : error;
    }
    if (Date.now() >= deadline) {
      const seen = last === undefined || last === false ? '' : ` (last seen: ${describe(last)})`;
      throw new TimeoutError(`Timed out after ${timeoutMs} ms waiting for ${what}${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}
