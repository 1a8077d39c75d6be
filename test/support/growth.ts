// Linear-time guards without a millisecond budget: the same work at size n and at size 4n, timed
// side by side (best of a few runs, so a noisy neighbour inflates both or neither). Linear code
// grows about 4×; quadratic code grows about 16×.
export function growthRatio(run: (size: number) => void, size: number, runs = 3): number {
  const best = (n: number): number => {
    let fastest = Infinity;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      run(n);
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest;
  };
  best(size); // warm up the JIT before either side is measured
  return best(size * 4) / Math.max(best(size), 0.05);
}

/** Well under the 16× of quadratic growth, with room for noise above the 4× of linear growth. */
export const LINEAR_GROWTH_LIMIT = 9;
