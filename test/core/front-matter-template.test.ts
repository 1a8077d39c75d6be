import { describe, expect, it } from 'vitest';
import { analyze, BUILTIN_TEMPLATES, frontMatterTemplate, postmortemSkeleton, resolveConfig } from '../../server/src/core/index.js';

describe('frontMatterTemplate', () => {
  it('reads template: from the front matter only', () => {
    expect(frontMatterTemplate('---\ntemplate: google-sre\n---\n# Postmortem: x\n')).toBe('google-sre');
    expect(frontMatterTemplate('---\r\ntitle: x\r\ntemplate: "pagerduty"  # chosen\r\n---\r\n')).toBe('pagerduty');
    expect(frontMatterTemplate('\uFEFF---\ntemplate: ./t.json\n...\n')).toBe('./t.json');
    // Not front matter: a thematic break later in the document, or the key in the body.
    expect(frontMatterTemplate('# Postmortem\n\n---\ntemplate: google-sre\n---\n')).toBeUndefined();
    expect(frontMatterTemplate('---\ntype: postmortem\n---\ntemplate: google-sre\n')).toBeUndefined();
  });

  it('ignores what is not a usable name: empty, non-string, half-typed YAML', () => {
    expect(frontMatterTemplate('---\ntemplate:\n---\n')).toBeUndefined();
    expect(frontMatterTemplate('---\ntemplate: [a, b]\n---\n')).toBeUndefined();
    expect(frontMatterTemplate('---\ntemplate: "goo\n---\n')).toBeUndefined();
    expect(frontMatterTemplate('---\ntemplate: google-sre\n')).toBeUndefined(); // never closed
  });
});

describe('front matter template: precedence', () => {
  const rc = JSON.stringify({ template: 'pagerduty', tags: ['Only'] });

  it('wins over the config file and the setting, and says so', () => {
    const fromFile = resolveConfig(rc, {}, {});
    expect([fromFile.templateName, fromFile.templateSource]).toEqual(['pagerduty', 'file']);
    const fromSetting = resolveConfig(rc, {}, { template: 'atlassian' });
    expect([fromSetting.templateName, fromSetting.templateSource]).toEqual(['atlassian', 'settings']);
    const fromDocument = resolveConfig(rc, {}, { template: 'atlassian', documentTemplate: 'google-sre' });
    expect([fromDocument.templateName, fromDocument.templateSource]).toEqual(['google-sre', 'document']);
    expect(fromDocument.template.sections.map((s) => s.title)).toEqual(BUILTIN_TEMPLATES['google-sre'].sections.map((s) => s.title));
    expect(fromDocument.problems).toEqual([]);
  });

  it("applies the config's template changes only to the template they were written for; its rules always", () => {
    const withRules = JSON.stringify({ template: 'pagerduty', tags: ['Only'], rules: { 'timeline-order': 'off' } });
    const other = resolveConfig(withRules, {}, { documentTemplate: 'google-sre' });
    expect(other.template.tags).toEqual(BUILTIN_TEMPLATES['google-sre'].tags);
    expect(other.rules).toEqual({ 'timeline-order': 'off' });
    const same = resolveConfig(withRules, {}, { documentTemplate: 'pagerduty' });
    expect(same.template.tags).toEqual(['Only']);
    // A config that names no template changes whichever template applies.
    expect(resolveConfig(JSON.stringify({ tags: ['Only'] }), {}, { documentTemplate: 'atlassian' }).template.tags).toEqual(['Only']);
  });

  it('an unknown name falls back to what the config picks, with a problem that names both', () => {
    const resolved = resolveConfig(rc, {}, { documentTemplate: 'google-sr' });
    expect([resolved.templateName, resolved.templateSource]).toEqual(['pagerduty', 'file']);
    expect(resolved.problems).toHaveLength(1);
    expect(resolved.problems[0]).toMatchObject({ origin: 'document', severity: 'warning' });
    expect(resolved.problems[0].message).toContain('google-sre');
    expect(resolved.problems[0].message).toContain('"pagerduty" instead');
    expect(resolved.problems[0].message).not.toMatch(/[.?!]\./);
  });

  it('a path is read through the host like the setting (relative to the workspace folder)', () => {
    const calls: unknown[][] = [];
    const template = JSON.stringify({ name: 'ours', sections: [{ title: 'What' }], tags: ['Do'], timeline: { order: 'ascending', defaultTimeZone: 'UTC' } });
    const resolved = resolveConfig(undefined, { readTemplate: (path, origin) => (calls.push([path, origin]), path === 'team/t.json' ? template : undefined) }, { documentTemplate: 'team/t.json' });
    expect(calls).toEqual([['team/t.json', 'settings']]);
    expect([resolved.templateName, resolved.templateSource]).toEqual(['team/t.json', 'document']);
  });
});

describe('New Postmortem text says which template it follows', () => {
  // A workspace whose config names another template, as in the issue: the new file must still be
  // checked against the template it was made from, and show only what the author must fill in.
  const otherConfig = JSON.stringify({ template: 'default' });
  for (const name of Object.keys(BUILTIN_TEMPLATES)) {
    it(`${name}: front matter names it, and only its placeholders are flagged`, () => {
      const text = postmortemSkeleton(BUILTIN_TEMPLATES[name], { title: 'Cache outage', date: '2024-05-01', templateName: name });
      expect(text.startsWith(`---\ntemplate: ${name}\n---\n\n# Postmortem: Cache outage\n`)).toBe(true);
      expect(frontMatterTemplate(text)).toBe(name);
      const config = resolveConfig(name === 'default' ? JSON.stringify({ template: 'google-sre' }) : otherConfig, {}, { documentTemplate: frontMatterTemplate(text) });
      expect(config.templateName).toBe(name);
      const { problems, postmortem } = analyze(text, { template: config.template, rules: config.rules });
      expect(problems.length).toBeGreaterThan(0);
      // What the author must fill in: a section that holds a placeholder comment (its own or a
      // subsection's), or the placeholder Duration line. Nothing from another template's structure.
      const placeholderSections = postmortem!.allSections.filter((s) => text.slice(s.headingRange.end, s.range.end).includes('<!--'));
      // The Duration line and the template's other fields under it.
      const durationLine = { start: text.indexOf('**Duration:**'), end: text.indexOf('\n\n', text.indexOf('**Duration:**')) };
      for (const problem of problems) {
        const onDuration = problem.range.start >= durationLine.start && problem.range.end <= durationLine.end;
        const onPlaceholder = problem.rule === 'empty-section' && placeholderSections.some((s) => problem.range.start >= s.range.start && problem.range.end <= s.range.end);
        expect({ rule: problem.rule, message: problem.message, fillIn: onDuration || onPlaceholder }).toMatchObject({ fillIn: true });
      }
    });
  }
});
