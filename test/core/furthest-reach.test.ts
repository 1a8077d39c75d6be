// furthestReach answers "does some range start at or before x and reach past y" in one sweep; it
// must answer what asking every range would, for offsets asked in increasing order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { furthestReach } from '../../server/src/core/rules/furthest-reach.js';
import { analyze, getBuiltinTemplate } from '../../server/src/core/index.js';

describe('furthestReach', () => {
  it('equals the furthest reach of every range starting at or before each offset', () => {
    const range = fc.tuple(fc.nat({ max: 200 }), fc.nat({ max: 30 })).map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(range, { maxLength: 40 }), fc.array(fc.integer({ min: -5, max: 240 }), { maxLength: 40 }), (ranges, offsets) => {
        const reach = (r: { start: number; end: number }) => Math.max(r.end, r.start + 1);
        const ask = furthestReach(ranges, reach);
        for (const at of [...offsets].sort((a, b) => a - b)) {
          expect(ask(at)).toBe(Math.max(-Infinity, ...ranges.filter((r) => r.start <= at).map(reach)));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('placeholder-text across a long timeline', () => {
  it('reports each placeholder word once, and none that is an entry’s time, among thousands of entries', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => `- **${String(10 + Math.floor(i / 60) % 12).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:** Step ${i}, cause TBD, see lorem ipsum.\n`);
    const text = `# Postmortem: x\n\n**Duration:** 2024-01-02 10:00 - 21:59 UTC\n\n## Impact\n\nTBD.\n\n## Timeline (UTC)\n\n- **TBD:** Paged.\n${entries.join('')}`;
    const problems = analyze(text, { template: getBuiltinTemplate('default')! }).problems.filter((p) => p.rule === 'placeholder-text');
    const words = problems.map((p) => text.slice(p.range.start, p.range.end));
    expect(words.filter((w) => w === 'TBD')).toHaveLength(1 + 3000);
    expect(words.filter((w) => w === 'lorem ipsum')).toHaveLength(3000);
    // The "TBD" written as the first entry's time is timeline-unreadable's.
    const timeTbd = text.indexOf('- **TBD:**') + 4;
    expect(problems.some((p) => p.range.start === timeTbd)).toBe(false);
  });
});
