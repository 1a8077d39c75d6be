import { describe, expect, it } from 'vitest';
import { fixAllSummary, sectionPickItem } from '../../client/src/labels.js';

describe('Insert Section picker rows', () => {
  it('say the level and where the section goes, not "##"', () => {
    const item = sectionPickItem({ title: 'Conclusion', level: 2, placement: 'after Lessons Learned' });
    expect(`${item.label} ${item.description}`).toBe('Conclusion — level 2, after Lessons Learned');
    expect(item.title).toBe('Conclusion');
    expect(item.description).not.toContain('#');
    expect(sectionPickItem({ title: 'Resolution', level: 3 }).description).toBe('— level 3');
  });
});

describe('Fix All summary', () => {
  it('says how many were fixed and how many are left', () => {
    expect(fixAllSummary({ applied: true, fixed: 3, remaining: 2 })).toBe('Fixed 3 problems; 2 left');
    expect(fixAllSummary({ applied: true, fixed: 1, remaining: 0 })).toBe('Fixed 1 problem; 0 left');
  });
});
