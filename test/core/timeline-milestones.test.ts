// timeline-milestones: whether the timeline says when the incident was detected, acknowledged,
// mitigated and resolved, in that order: how an entry names a milestone (the template's words, at
// a word start, any ending, not as a plan), what it says, and where.
import { describe, expect, it } from 'vitest';
import { analyze, getBuiltinTemplate, mergeTemplate, type Template, type TemplateMilestone } from '../../server/src/core/index.js';
import { entryNames } from '../../server/src/core/rules/timeline-milestones.js';

const PD = getBuiltinTemplate('pagerduty')!;
const withMilestones = (milestones: TemplateMilestone[]): Template => ({ ...mergeTemplate(getBuiltinTemplate('default')!, {}), milestones });
const doc = (entries: string[], heading = '## Timeline\n\n') => `# Postmortem: x\n\n**Duration:** 2024-01-02 10:00 - 12:00 UTC\n\n${heading}${entries.map((e) => `- ${e}`).join('\n')}\n`;
const lint = (text: string, template: Template = PD) =>
  analyze(text, { template }).problems.filter((p) => p.rule === 'timeline-milestones').map((p) => ({
    at: text.slice(p.range.start, p.range.end),
    message: p.message,
    ...(p.related ? { related: p.related.map((r) => [text.slice(r.range.start, r.range.end), r.message]) } : {}),
  }));
const FULL = ['**10:00 UTC:** Alert fires.', '**10:05:** On-call acknowledges the page.', '**10:30:** Rolled back the release.', '**11:00:** All services recovered.'];

describe('entryNames', () => {
  const m = (...words: string[]): TemplateMilestone => ({ name: 'mitigated', words });
  it('matches a word at its start, with any ending, in any case', () => {
    expect(entryNames('Detection was slow', m('detect'))).toBe(true);
    expect(entryNames('DETECTED it', m('detect'))).toBe(true);
    expect(entryNames('We undetected it', m('detect'))).toBe(false);
    expect(entryNames('pre-detected', m('detect'))).toBe(false);
    expect(entryNames('nothing here', m('detect'))).toBe(false);
  });
  it('matches a phrase across any spaces, and takes its words literally', () => {
    expect(entryNames('we  rolled\tback', m('rolled back'))).toBe(true);
    expect(entryNames('rolledback', m('rolled back'))).toBe(false);
    expect(entryNames('fix (v2) shipped', m('fix (v2)'))).toBe(true);
    expect(entryNames('fix v2 shipped', m('fix (v2)'))).toBe(false);
    expect(entryNames('a.b', m('a.b'))).toBe(true);
    expect(entryNames('axb', m('a.b'))).toBe(false);
    expect(entryNames('either one', m('neither', 'either'))).toBe(true);
  });
  it('does not count a clause that plans the milestone, but counts another clause that names it', () => {
    expect(entryNames('Rollback requested', m('rollback'))).toBe(false);
    expect(entryNames('Rollback requested; rollback done', m('rollback'))).toBe(true);
    expect(entryNames('Rollback requested;rollback done', m('rollback'))).toBe(false);
    expect(entryNames('Rollback requested. Then rollback done', m('rollback'))).toBe(true);
    expect(entryNames('Rollback requested, rollback done', m('rollback'))).toBe(true);
    expect(entryNames('Rollback requested - rollback done', m('rollback'))).toBe(true);
    expect(entryNames('Rollback requested — rollback done', m('rollback'))).toBe(true);
    expect(entryNames('Rollback-requested', m('rollback'))).toBe(false);
  });
});

describe('timeline-milestones', () => {
  it('is quiet for a timeline that shows each milestone in order', () => {
    expect(lint(doc(FULL))).toEqual([]);
  });
  it('says which milestone is missing, quoting four of its words, on the Timeline heading', () => {
    expect(lint(doc([FULL[0], FULL[2], FULL[3]]))).toEqual([
      { at: '## Timeline', message: 'The timeline does not say when the incident was acknowledged: add an entry that says so (“acknowledge”, “acked”, “investigating”, “investigation”…).' },
    ]);
    const all = lint(doc(['**10:00 UTC:** Nothing.']));
    expect(all.map((p) => p.message.slice(0, 62))).toEqual([
      'The timeline does not say when the incident was detected: add ',
      'The timeline does not say when the incident was acknowledged: ',
      'The timeline does not say when the incident was mitigated: add',
      'The timeline does not say when the incident was resolved: add ',
    ]);
  });
  it('flags a milestone before the one it follows, with the earlier one related', () => {
    const out = ['**10:00 UTC:** On-call acknowledges the page.', '**10:10:** Alert fires.', FULL[2], FULL[3]];
    expect(lint(doc(out))).toEqual([
      {
        at: '- **10:00 UTC',
        message: 'The incident is acknowledged here (10:00 UTC), before it was detected (10:10): check the times, or the order of the template\'s milestones.',
        related: [['- **10:10:** Alert fires.', 'detected here']],
      },
    ]);
    const resolvedFirst = [FULL[0], FULL[1], '**11:00:** All services recovered.', '**11:30:** Rolled back the release.'];
    expect(lint(doc(resolvedFirst))).toEqual([
      {
        at: '- **11:00',
        message: 'The incident is resolved here (11:00), before it was mitigated (11:30): check the times, or the order of the template\'s milestones.',
        related: [['- **11:30:** Rolled back the release.', 'mitigated here']],
      },
    ]);
  });
  it('reads the entries in time order, whatever order they are written in', () => {
    const entries = ['**10:20 UTC:** Alert fires again.', '**10:00 UTC:** Alert fires.', '**10:10 UTC:** On-call acknowledges the page.', '**10:30 UTC:** Rolled back.', '**11:00 UTC:** Recovered.'];
    expect(lint(doc(entries))).toEqual([]);
  });
  it('takes the first mention of a milestone, but the last mention of the resolution', () => {
    const entries = [FULL[0], FULL[1], '**10:10:** Service recovered partly.', '**10:30:** Rolled back the release.', '**11:00:** All services recovered.'];
    expect(lint(doc(entries))).toEqual([]);
    const late = [FULL[0], FULL[1], '**10:10:** Rolled back one region.', '**10:15:** Region recovered.', '**10:20:** Acknowledged again.', '**10:30:** Rolled back the rest.'];
    expect(lint(doc(late))).toEqual([]);
  });
  it('puts the squiggle on the time of an entry that starts with it, or from the entry start to its time', () => {
    const lines = '# Postmortem: x\n\n## Timeline\n\n10:00 UTC Acknowledged by on-call.\n10:10 UTC Alert fires.\n10:30 UTC Rolled back.\n11:00 UTC Recovered.\n';
    expect(lint(lines).map((p) => p.at)).toEqual(['10:00 UTC']);
    const list = doc(['**10:00 UTC:** Acknowledged by on-call.', '**10:10:** Alert fires.', FULL[2], FULL[3]]);
    expect(lint(list).map((p) => p.at)).toEqual(['- **10:00 UTC']);
  });
  it('has nothing to say without readable times, or without milestones', () => {
    expect(lint(doc(['Alert fires.', 'Later: recovered.']))).toEqual([]);
    expect(lint(doc(['**10:00 UTC:** Nothing.']), withMilestones([]))).toEqual([]);
  });
});


describe('timeline-milestones: more edges', () => {
  it('reads a template word without its surrounding spaces, and any run of spaces inside it as one', () => {
    const template = withMilestones([{ name: 'mitigated', words: [' rolled  back '] }]);
    expect(lint(doc(['**10:00 UTC:** Rolled back the release.']), template)).toEqual([]);
    expect(lint(doc(['**10:00 UTC:** Nothing yet.']), template).map((p) => p.message)).toEqual(['The timeline does not say when the incident was mitigated: add an entry that says so (“ rolled  back ”…).']);
  });
  it('takes two milestones at the same minute as in order', () => {
    expect(lint(doc(['**10:00 UTC:** Alert fires.', '**10:00 UTC:** On-call acknowledges the page.', FULL[2], FULL[3]]))).toEqual([]);
  });
});
