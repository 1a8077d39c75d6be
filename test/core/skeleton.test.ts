import { describe, it, expect } from 'vitest';
import { analyze, BUILTIN_TEMPLATES, postmortemSkeleton, indexTemplate } from '../../server/src/core/index.js';

describe('a new postmortem from each built-in template', () => {
  for (const [name, template] of Object.entries(BUILTIN_TEMPLATES)) {
    it(`${name}: has every required section, and its only problems are the unfilled placeholders`, () => {
      const text = postmortemSkeleton(template, { title: 'Cache outage', date: '2024-05-01' });
      const { problems, postmortem } = analyze(text, { template });
      expect(new Set(problems.map((p) => p.rule))).toEqual(new Set(['empty-section']));
      const required = indexTemplate(template).entries.filter((e) => e.required && (!e.parent || e.parent.required));
      const present = new Set(postmortem!.allSections.map((s) => s.template));
      for (const entry of required) expect(present.has(entry.section)).toBe(true);
      expect(postmortem!.title?.value).toBe('Postmortem: Cache outage');
    });
  }
});
