// The rules beyond structure (issue 13) on small documents: what each reads, where it looks, and
// what it leaves alone. The fixtures in test/fixtures/rules cover each rule on a whole document.
import { describe, expect, it } from 'vitest';
import { analyze, applyFixes, fixAll, getBuiltinTemplate, mergeTemplate, milestoneTimes, computeMetrics, reportPostmortem, type Template } from '../../server/src/core/index.js';
import { parseFrontMatterYaml } from '../../server/src/core/parse/metadata.js';
import { describeSchemaError } from '../../server/src/core/config/schema-messages.js';
import { validateTemplateValue } from '../../server/src/core/config/validate.js';

const builtin = (name: string) => getBuiltinTemplate(name)!;
const problemsOf = (text: string, rule: string, template: Template = builtin('default')) =>
  analyze(text, { template }).problems.filter((p) => p.rule === rule).map((p) => [text.slice(p.range.start, p.range.end), p.message]);
const with_ = (template: Template, extra: Partial<Template>): Template => ({ ...mergeTemplate(template, {}), ...extra });

describe('blameless-language', () => {
  const doc = (body: string) => `# Postmortem: x\n\n**Duration:** 2024-01-02 10:00 - 11:00 UTC\n\n## Impact\n\n${body}\n`;
  it('matches whole words and phrases, any case, with the template’s suggestion', () => {
    expect(problemsOf(doc('A Human  Error, and Kim’s fault.'), 'blameless-language').map(([text]) => text)).toEqual(['Human  Error', 'Kim’s fault']);
    expect(problemsOf(doc('Blameless reviews; nobody blamed anyone.'), 'blameless-language')).toEqual([['blamed', '“blamed”: A postmortem looks for causes in the system, not for someone to blame.']]);
  });
  it('looks past code, links, quotations, comments and the TODO: tag', () => {
    const text = doc('`should have` [human error](https://example.com) "could have" <!-- would have -->\n\n> should have\n\n## Corrective and Preventative Measures\n\n- **TODO:** Add an alert.');
    expect(problemsOf(text, 'blameless-language')).toEqual([]);
  });
  it('reads its phrases from the template, * standing for one word', () => {
    const template = with_(builtin('default'), { blameless: [{ phrase: 'dropped the *', suggestion: 'Say what was missed.' }] });
    expect(problemsOf(doc('They dropped the ball; we dropped it.'), 'blameless-language', template)).toEqual([['dropped the ball', '“dropped the ball”: Say what was missed.']]);
    expect(problemsOf(doc('human error'), 'blameless-language', with_(builtin('default'), { blameless: [] }))).toEqual([]);
  });
});

describe('placeholder-text', () => {
  it('reports an empty template field, a placeholder Duration and a prompt, never TODO: or a real tag', () => {
    const text = '# Postmortem: x\n\n**Duration:** 2024-05-01 HH:MM - HH:MM (UTC)\n\n## Impact\n\nUsers saw <fill in> errors.<br>\n\n**What went well:**\n\n- Alerts.\n\n## Corrective and Preventative Measures\n\n- TODO: Add an alert.\n';
    expect(problemsOf(text, 'placeholder-text').map(([t]) => t)).toEqual(['2024-05-01 HH:MM - HH:MM (UTC)', '<fill in>']);
  });
  it('reports a field left as the template’s choice list or a bracketed prompt', () => {
    const template = builtin('pagerduty');
    const text = '---\ntemplate: pagerduty\n---\n# Postmortem: x\n\n**Severity:** SEV-1 | SEV-2 | SEV-3\n**Status:** [status]\n**Date:**\n';
    expect(problemsOf(text, 'placeholder-text', template).map(([t]) => t)).toEqual(['SEV-1 | SEV-2 | SEV-3', '[status]', '']);
    // A placeholder is not a wrong value.
    expect(problemsOf(text, 'field-value', template)).toEqual([]);
  });
});

describe('incident fields', () => {
  const pd = builtin('pagerduty');
  it('reads several fields on one line, front matter keys and lists, and aliases', () => {
    const text = '---\ntemplate: pagerduty\ndate: 2024-05-01\nauthors: [ana, bo]\n---\n# Postmortem: x\n\n**Sev:** SEV1  |  **Status:** Final\n';
    expect(problemsOf(text, 'missing-field', pd)).toEqual([]);
    expect(problemsOf(text, 'field-value', pd)).toEqual([]);
    const fields = analyze(text, { template: pd }).postmortem!.metadata.fields!;
    expect(fields.map((f) => [f.key, f.value, text.slice(f.valueRange.start, f.valueRange.end)])).toEqual([
      ['sev', 'SEV1', 'SEV1'], ['status', 'Final', 'Final'], ['template', 'pagerduty', 'pagerduty'], ['date', '2024-05-01', '2024-05-01'], ['authors', 'ana, bo', '[ana, bo]'],
    ]);
  });
  it('inserts a missing field into the front matter when the fields live there', () => {
    const text = '---\ntemplate: pagerduty\nseverity: SEV-2\ndate: 2024-05-01\n---\n# Postmortem: x\n';
    const [problem] = analyze(text, { template: pd }).problems.filter((p) => p.rule === 'missing-field');
    expect(problem.fixes[0].edits).toEqual([{ start: text.indexOf('---\n#'), end: text.indexOf('---\n#'), newText: 'status: \n' }]);
    expect(problem.fixes[0].fixAll).toBe(false);
  });

  it('keeps a blank line between the inserted field and the text after it', () => {
    // Found by the property tests: "Impact" underlined by "-" right after the front matter turned
    // the inserted field line into part of a setext heading.
    const text = '---\n*broken: yaml\n---\nImpact\n-\n';
    const [problem] = analyze(text).problems.filter((p) => p.rule === 'missing-field');
    const { start, end, newText } = problem.fixes[0].edits[0];
    const fixed = text.slice(0, start) + newText + text.slice(end);
    expect(fixed).toBe('---\n*broken: yaml\n---\n\n**Duration:** \n\nImpact\n-\n');
    expect(problemsOf(fixed, 'missing-field')).toEqual([]);
  });

  it('counts a front matter key with no value yet as written, waiting for its value', () => {
    // Found by the property tests: the fix wrote `duration: ` and the field was still missing.
    const text = '---\ntitle: Outage\n---\n';
    const [problem] = analyze(text).problems.filter((p) => p.rule === 'missing-field');
    const fixed = `${text.slice(0, problem.fixes[0].edits[0].start)}${problem.fixes[0].edits[0].newText}${text.slice(problem.fixes[0].edits[0].end)}`;
    expect(fixed).toBe('---\ntitle: Outage\nduration: \n---\n');
    expect(problemsOf(fixed, 'missing-field')).toEqual([]);
    // Where the value goes: an empty range after `duration: `.
    expect(problemsOf(fixed, 'placeholder-text')).toEqual([['', expect.stringMatching(/^duration has no value yet/)]]);
  });
  it('writes the field as a line when a key added to the front matter would not read', () => {
    // Found by the property tests: after YAML's `...` end marker a new last key is not part of the
    // document, so `duration: ` there left the field missing. Flow style is the same.
    for (const text of ['---\ntitle: Outage\n...\n# note\n---\n', '---\n{title: Outage}\n---\n']) {
      const [problem] = analyze(text).problems.filter((p) => p.rule === 'missing-field');
      const { start, end, newText } = problem.fixes[0].edits[0];
      const fixed = text.slice(0, start) + newText + text.slice(end);
      expect(fixed).toBe(`${text.slice(0, -1)}\n\n**Duration:** \n`);
      expect(problemsOf(fixed, 'missing-field')).toEqual([]);
    }
  });
  it('names the closest listed value, and keeps a note after the value out of the edit', () => {
    const text = '# Postmortem: x\n\n**Severity:** SEV-22 (major)\n**Status:** Final\n**Date:** 2024-05-01\n';
    const [problem] = analyze(text, { template: pd }).problems.filter((p) => p.rule === 'field-value');
    expect(text.slice(problem.range.start, problem.range.end)).toBe('SEV-22');
    expect(problem.message).toBe('Severity “SEV-22” is not one of SEV-1, SEV-2, SEV-3, SEV-4, SEV-5: did you mean “SEV-2”?');
  });
});

describe('when: { severity }', () => {
  const atlassian = builtin('atlassian');
  const doc = (severity: string) => `# Postmortem: x\n\n**Severity:** ${severity}\n**Date:** 2024-05-01\n**Owner:** @kim\n\n## Incident summary\n\nx\n`;
  const fiveWhys = (text: string) => analyze(text, { template: atlassian }).problems.filter((p) => p.rule === 'missing-section' && p.message.includes('Five whys'));
  it('requires a section only for the severities it names', () => {
    expect(fiveWhys(doc('SEV-1')).map((p) => p.message)).toEqual(['Missing required section “Five whys” (required for SEV-1, SEV-2).']);
    expect(fiveWhys(doc('sev 2 (major)'))).toHaveLength(1);
    expect(fiveWhys(doc('SEV-3'))).toEqual([]);
  });
  it('applies to fields and action requirements too', () => {
    const template = with_(builtin('default'), {
      fields: ['Duration', 'Severity', { name: 'Customer Impact Statement', when: { severity: ['SEV-1'] } }],
      actionItems: [{ require: ['owner'] }, { require: ['ticket'], when: { severity: ['SEV-1'] } }],
    });
    const text = (sev: string) => `# Postmortem: x\n\n**Duration:** 2024-01-02 10:00 - 11:00 UTC\n**Severity:** ${sev}\n\n## Corrective and Preventative Measures\n\n- **Fix:** Add an alert.\n`;
    expect(problemsOf(text('SEV-1'), 'missing-field', template).map(([, m]) => m)).toEqual([expect.stringContaining('“Customer Impact Statement”')]);
    expect(problemsOf(text('SEV-3'), 'missing-field', template)).toEqual([]);
    expect(problemsOf(text('SEV-1'), 'action-item-incomplete', template).map(([, m]) => m)).toEqual(['Action item needs an owner (@name or “owner: Name”) and a ticket (a key like ABC-123 or a link).']);
    expect(problemsOf(text('SEV-3'), 'action-item-incomplete', template).map(([, m]) => m)).toEqual(['Action item needs an owner (@name or “owner: Name”).']);
  });
});

describe('action-item-incomplete', () => {
  it('is off in default and asks google-sre items for an owner and a ticket, done items for nothing', () => {
    const text = '# Postmortem: x\n\n## Action Items\n\n- [ ] **Prevent:** Add a check (@kim)\n- [x] **Prevent:** Roll back.\n- [ ] **Process:** Rehearse it (OPS-1, owner: Lee)\n';
    expect(problemsOf(text, 'action-item-incomplete')).toEqual([]);
    expect(problemsOf(text, 'action-item-incomplete', builtin('google-sre')).map(([t, m]) => [t, m])).toEqual([
      ['**Prevent:** Add a check (@kim)', 'Action item needs a ticket (a key like ABC-123 or a link).'],
    ]);
  });
  it('wants a due date it can read', () => {
    const text = '# Postmortem: x\n\n## Corrective actions\n\n- [ ] **Fix:** Cap it (@ines, due next sprint)\n- [ ] **Fix:** Cap more (@ines, due 2024-09-01)\n';
    expect(problemsOf(text, 'action-item-incomplete', builtin('atlassian')).map(([, m]) => m)).toEqual(['Action item needs a due date (“due 2024-06-01”).']);
  });
});

describe('milestones and time to acknowledge', () => {
  const text = '# Postmortem: x\n\n**Duration:** 2024-01-02 10:00 - 12:00 UTC\n\n## Timeline\n\n- **10:00:** Alert fires.\n- **10:07:** On-call acknowledges the page.\n- **10:30:** Rolled back.\n- **11:00:** All services recovered.\n';
  it('gives TTA in the metrics, the JSON and the Duration hover', () => {
    const postmortem = analyze(text).postmortem!;
    expect(computeMetrics(postmortem).acknowledge?.after).toBe(7 * 60_000);
    expect(reportPostmortem(postmortem).metrics.timeToAcknowledgeSeconds).toBe(7 * 60);
    expect(milestoneTimes(postmortem)).toBe('TTD 0m · TTA 7m · TTM 30m · TTR 1h 00m');
  });
  it('has nothing to say under default, which lists no milestones', () => {
    expect(problemsOf(text.replace('acknowledges the page', 'looks'), 'timeline-milestones')).toEqual([]);
    expect(problemsOf(text.replace('acknowledges the page', 'looks'), 'timeline-milestones', builtin('pagerduty')).map(([t]) => t)).toEqual(['## Timeline']);
  });
});

describe('template schema: the new keys, with precise errors', () => {
  const base = { name: 't', sections: [{ title: 'A' }], tags: ['Fix'], timeline: { order: 'ascending', defaultTimeZone: 'UTC' } };
  const error = (extra: object) => {
    const found = validateTemplateValue({ ...base, ...extra });
    return found && describeSchemaError(found, 'template');
  };
  it('accepts each key in the shapes the built-ins use', () => {
    expect(error({ fields: ['Date', { name: 'Severity', values: ['SEV-1'], when: { severity: ['SEV-1'] } }], actionItems: { require: ['owner'] } })).toBeUndefined();
    expect(error({ actionItems: [{ require: ['due'], when: { severity: ['SEV-1'] } }], placeholders: ['XXX'] })).toBeUndefined();
  });
  it('says which key is wrong and how', () => {
    expect(error({ fields: [{ values: ['a'] }] })).toBe('"fields"[0] is missing "name"');
    expect(error({ fields: [''] })).toBe('"fields"[0] must not be empty');
    expect(error({ actionItems: { require: ['assignee'] } })).toBe('"actionItems"."require"[0] must be one of owner, ticket, due');
    expect(error({ actionItems: [{ require: ['owner'], when: {} }] })).toBe('"actionItems"[0]."when" is missing "severity"');
    expect(error({ milestones: [{ name: 'fixed', words: ['x'] }] })).toBe('"milestones"[0]."name" must be one of detected, acknowledged, mitigated, resolved');
    expect(error({ blameless: [{ phrase: 'x' }] })).toBe('"blameless"[0] is missing "suggestion"');
    expect(error({ sections: [{ title: 'A', when: { severity: [] } }] })).toBe('"sections"[0]."when"."severity" must not be empty');
    expect(error({ fields: [{ name: 'Severity', value: ['SEV-1'] }] })).toMatch(/^Unknown key "value" in "fields"\[0\]\. Did you mean "values"\?/);
  });
});

describe('.postmortemrc.json overrides', () => {
  const config = JSON.stringify({ template: 'pagerduty', rules: { 'placeholder-text': 'off' }, overrides: [{ files: ['sev1/**'], template: 'google-sre', rules: { 'blameless-language': 'error' } }, { files: ['sev1/old/*.md'], rules: { 'blameless-language': 'off' } }] });
  it('picks the template and rules by path, and says why', async () => {
    const { resolveConfig } = await import('../../server/src/core/index.js');
    const sev1 = resolveConfig(config, {}, { filePath: 'sev1/2024-05-01-db.md' });
    expect([sev1.templateName, sev1.templateSource, sev1.templateReason, sev1.rules]).toEqual([
      'google-sre', 'override', '.postmortemrc.json overrides[0] (files: sev1/**)', { 'placeholder-text': 'off', 'blameless-language': 'error' },
    ]);
    expect(resolveConfig(config, {}, { filePath: 'sev1/old/a.md' }).rules['blameless-language']).toBe('off');
    const other = resolveConfig(config, {}, { filePath: 'sev3/a.md' });
    expect([other.templateName, other.templateSource, other.templateReason]).toEqual(['pagerduty', 'file', '.postmortemrc.json "template"']);
    // Front matter still wins, and says so.
    const named = resolveConfig(config, {}, { filePath: 'sev1/a.md', documentTemplate: 'atlassian' });
    expect([named.templateName, named.templateReason]).toEqual(['atlassian', 'front matter template: atlassian']);
  });
  it('reports a broken override at its own key', async () => {
    const { resolveConfig } = await import('../../server/src/core/index.js');
    const text = JSON.stringify({ overrides: [{ files: ['a/**'], templat: 'x' }] });
    expect(resolveConfig(text).problems.map((p) => [p.message, text.slice(p.range.start, p.range.end)])).toEqual([[expect.stringMatching(/^Unknown key "templat" in "overrides"\[0\]\. Did you mean "template"\?/), '"templat"']]);
  });
});

describe('front-matter-unreadable', () => {
  const problems = (text: string) => analyze(text, { template: builtin('default') }).problems.filter((p) => p.rule === 'front-matter-unreadable');
  const body = '# Postmortem: x\n\n**Duration:** 2024-01-02 10:00 - 11:00 UTC\n';
  it('says the YAML cannot be read, on the line the parser stopped at', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['---', 'template: google-sre', 'title: Postmortem: Disk full', '---', body].join(eol);
      const [problem] = problems(text);
      expect(text.slice(problem.range.start, problem.range.end)).toBe('Postmortem: Disk full');
      expect(problem.message).toMatch(/^The front matter cannot be read \(Nested mappings are not allowed in compact mappings\), so none of it counts: not its template, title or fields\. A value with ": " in it needs quotes/);
    }
  });
  it('finds the line with old Mac line endings (a lone \\r) too, never between a \\r and its \\n', () => {
    // Found by the engine properties (seed -334866592): the opening fence ended in a lone \r.
    const mixed = '---\rtitle: [unclosed\r\n\n1. [X] **X:**    \r\nImpact\r---\r\n';
    const [problem] = problems(mixed);
    expect(problem.range).toEqual({ start: 23, end: 40 });
    const lone = ['---', 'template: default', 'title: Postmortem: Disk full', '---', body].join('\r');
    const [colon] = problems(lone);
    // Where the YAML parser stopped, to the end of that line.
    expect(lone.slice(colon.range.start, colon.range.end)).toBe('default');
    expect(lone[colon.range.end]).toBe('\r');
    // YAML reads those lines as one, so quoting cannot make it readable: no fix.
    expect(colon.fixes).toEqual([]);
    // A fence ending in a lone \r before \n lines: the quoting fix lands on the value.
    const fence = `---\rtitle: Postmortem: Disk full\n---\n${body}`;
    const [fixable] = problems(fence);
    expect(applyFixes(fence, fixable.fixes).text).toBe(`---\rtitle: "Postmortem: Disk full"\n---\n${body}`);
  });
  it('reports a repeated key at the second one, and a list or a lone value as not key: value lines', () => {
    const repeated = `---\nseverity: SEV-1\nseverity: SEV-2\n---\n${body}`;
    const [dup] = problems(repeated);
    expect(repeated.slice(dup.range.start, dup.range.end)).toBe('severity: SEV-2');
    expect(dup.message).toContain('Map keys must be unique: severity');
    const nested = `---\nactions:\n  - owner: Kim\n    owner: Dana\n---\n${body}`;
    const [inner] = problems(nested);
    expect(nested.slice(inner.range.start, inner.range.end)).toBe('owner: Dana');
    expect(problems(`---\n- a\n- b\n---\n${body}`).map((p) => p.message)).toEqual([expect.stringContaining('(it is a list, not "key: value" lines)')]);
    expect(problems(`---\njust words\n---\n${body}`).map((p) => p.message)).toEqual([expect.stringContaining('(it is a single value, not "key: value" lines)')]);
  });
  it('quotes every value with ": " in it, comments kept, when that makes the block readable; never unattended', () => {
    const text = `---\ntemplate: default\ntitle: Postmortem: Disk "full" again # draft\nsummary: Two: colons: here\n---\n${body}`;
    const [problem] = problems(text);
    expect(problem.fixes.map((f) => [f.title, f.isPreferred, f.fixAll])).toEqual([['Quote the 2 values that have ": " in them', true, false]]);
    const fixed = applyFixes(text, problem.fixes).text;
    expect(fixed.split('\n').slice(1, 4)).toEqual(['template: default', 'title: "Postmortem: Disk \\"full\\" again" # draft', 'summary: "Two: colons: here"']);
    expect(parseFrontMatterYaml(fixed.split('---\n')[1])).toEqual({ template: 'default', title: 'Postmortem: Disk "full" again', summary: 'Two: colons: here' });
    expect(problems(fixed)).toEqual([]);
    // Fix All leaves it: once read, the block's template: could bring problems of its own.
    expect(fixAll(text, { template: builtin('default') }).text).toBe(text);
    // No fix where quoting would not be enough.
    expect(problems(`---\ntitle: Postmortem: x\ntags: [a\n---\n${body}`)[0].fixes).toEqual([]);
    expect(problems(`---\n- a\n- b\n---\n${body}`)[0].fixes).toEqual([]);
    expect(problems(`---\n- title: Postmortem: x\n---\n${body}`)[0].fixes).toEqual([]);
    // Without a fix the message says nothing of one.
    expect(problems(`---\ntitle: Postmortem: x\ntags: [a\n---\n${body}`)[0].message).toMatch(/, so none of it counts: not its template, title or fields\.$/);
    const single = `---\ntitle: Postmortem: x\n---\n${body}`;
    const [one] = problems(single);
    expect(one.fixes.map((f) => f.title)).toEqual(['Quote the value that has ": " in it']);
    expect(applyFixes(single, one.fixes).text.split('\n')[1]).toBe('title: "Postmortem: x"');
    // Nor on a block too big to parse twice per keystroke; the problem itself is still said.
    const big = `---\n${Array.from({ length: 1500 }, (_, i) => `k${i}: a: b`).join('\n')}\n---\n${body}`;
    expect(problems(big).map((p) => p.fixes.length)).toEqual([0]);
  });
  it('is quiet on valid, empty and commented front matter', () => {
    for (const yaml of ['title: "Postmortem: Disk full"', '', '# only a comment', 'tags: [a, b]\nsummary: >\n  two: lines']) {
      expect(problems(`---\n${yaml}\n---\n${body}`), yaml).toEqual([]);
    }
  });
});
