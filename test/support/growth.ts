// Linear-time guards without a millisecond budget: the same work at size n and at size 8n, timed
// side by side (best of a few runs, so a noisy neighbour inflates both or neither). Linear code
// grows about 8×; quadratic code grows about 64×, far past the limit whatever the load.
export const GROWTH_FACTOR = 8;

// `prepare` builds the input outside the timed part: allocating 8× the fixture brings GC pauses
// that grow faster than the work under test.
export function growthRatio<T = number>(run: (input: T) => void, size: number, prepare: (size: number) => T = (n) => n as T, runs = 5): number {
  const best = (n: number): number => {
    const input = prepare(n);
    let fastest = Infinity;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      run(input);
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest;
  };
  best(size); // warm up the JIT before either side is measured
  return best(size * GROWTH_FACTOR) / Math.max(best(size), 0.05);
}

/** Well under the 64× of quadratic growth, with room for GC and cache noise above linear's 8×. */
export const LINEAR_GROWTH_LIMIT = 24;
