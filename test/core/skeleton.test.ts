import { describe, it, expect } from 'vitest';
import { analyze, BUILTIN_TEMPLATES, computeMetrics, postmortemSkeleton, indexTemplate } from '../../server/src/core/index.js';

describe('a new postmortem from each built-in template', () => {
  for (const [name, template] of Object.entries(BUILTIN_TEMPLATES)) {
    it(`${name}: has every required section, and its only problems are the unfilled placeholders`, () => {
      const text = postmortemSkeleton(template, { title: 'Cache outage', date: '2024-05-01' });
      const { problems, postmortem } = analyze(text, { template });
      // Empty sections, and the fields under the title still to fill in (the Duration's times, a Severity).
      const fieldBlock = { start: text.indexOf('**Duration:**'), end: text.indexOf('\n\n', text.indexOf('**Duration:**')) };
      expect(problems.filter((p) => p.rule !== 'empty-section').map((p) => [p.rule, p.range.start >= fieldBlock.start && p.range.end <= fieldBlock.end])).toEqual(
        problems.filter((p) => p.rule !== 'empty-section').map(() => ['placeholder-text', true]),
      );
      expect(problems.some((p) => p.rule === 'empty-section')).toBe(true);
      const required = indexTemplate(template).entries.filter((e) => e.required && (!e.parent || e.parent.required));
      const present = new Set(postmortem!.allSections.map((s) => s.template));
      for (const entry of required) expect(present.has(entry.section)).toBe(true);
      expect(postmortem!.title?.value).toBe('Postmortem: Cache outage');
    });
  }
});

describe('the placeholder Duration of a new postmortem', () => {
  const text = postmortemSkeleton(BUILTIN_TEMPLATES.default, { title: 'Cache outage', date: '2024-05-01' });

  it('is written with HH:MM times and is not read as a real Duration', () => {
    expect(text).toContain('**Duration:** 2024-05-01 HH:MM - HH:MM (UTC)');
    const duration = analyze(text).postmortem!.metadata.duration!;
    expect(duration).toMatchObject({ start: null, end: null, placeholder: true });
  });

  it('gives no "0 min" and no entry outside it once timeline entries are written', () => {
    const filled = text.replace('## Timeline\n\n', '## Timeline\n\n- **14:00:** Alert fires.\n- **14:20:** Rollback.\n\n');
    const { problems, postmortem } = analyze(filled);
    expect(problems.filter((p) => p.rule === 'timeline-window')).toEqual([]);
    const metrics = computeMetrics(postmortem!);
    expect(metrics.startSource).toBe('timeline');
    expect(metrics.duration).toBe(20 * 60_000);
  });

  it('a Duration that is only partly filled in (“TBD”, “<end>”) is a placeholder too; a real one is read', () => {
    const read = (value: string) => analyze(`# P\n\n**Duration:** ${value}\n`).postmortem!.metadata.duration!;
    expect(read('2024-05-01 14:00 - TBD (UTC)').start).toBeNull();
    expect(read('2024-05-01 14:00 - <end> (UTC)').placeholder).toBe(true);
    expect(read('2024-05-01 14:00 - 15:30 (UTC)')).toMatchObject({ start: Date.UTC(2024, 4, 1, 14), end: Date.UTC(2024, 4, 1, 15, 30) });
  });
});
