// No import cycles anywhere in the shipped code, type-only imports included: a cycle of types is
// still two modules that cannot be read, or moved, one without the other.
import { describe, it, expect } from 'vitest';
import { cycles, sourceFiles } from './import-graph.js';

describe('import graph', () => {
  it('finds a cycle when there is one', () => {
    // The detector itself: run.ts ↔ format-text.ts was such a cycle (through a type).
    expect(cycles(['test/architecture/fixtures/a.ts', 'test/architecture/fixtures/b.ts'])).toEqual([['test/architecture/fixtures/a.ts', 'test/architecture/fixtures/b.ts']]);
  });

  it('has no cycles in server/src, client/src, scripts or bench', () => {
    const files = [...sourceFiles('server/src'), ...sourceFiles('client/src'), ...sourceFiles('scripts'), ...sourceFiles('bench')];
    expect(cycles(files)).toEqual([]);
  });
});
