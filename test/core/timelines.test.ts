import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, defaultTemplate, getBuiltinTemplate, mergeTemplate, ParseCache, type TimelineEntry } from '../../server/src/core/index.js';
import { entryReading } from '../../server/src/core/assist/index.js';
import { reportPostmortem } from '../../server/src/core/summary.js';
import { calendarDateOf } from '../../server/src/core/time/index.js';

// Timelines as real teams write them: each fixture reproduces, in our own words, a shape seen in a
// public postmortem (its first comment names the project). The .expected.json beside it is what a
// careful reviewer reads: every entry's line, instant, precision and zone, and the timeline findings.
const DIR = join(import.meta.dirname, '../fixtures/timelines');
const fixtures = readdirSync(DIR).filter((f) => f.endsWith('.md')).sort();

interface Expected {
  entries: { line: number; time: string | null; precision: TimelineEntry['precision']; zone?: string }[];
  problems: { rule: string; line: number }[];
  config?: { dateOrder?: 'ymd' | 'mdy' | 'dmy'; zoneAliases?: Record<string, string>; order?: 'ascending' | 'descending' };
}

function read(file: string, incremental?: boolean) {
  const text = readFileSync(join(DIR, file), 'utf8');
  const expected = JSON.parse(readFileSync(join(DIR, file.replace(/\.md$/, '.expected.json')), 'utf8')) as Expected;
  const template = expected.config ? mergeTemplate(defaultTemplate(), { timeline: expected.config }) : defaultTemplate();
  const analysis = analyze(text, { template, fileName: file, incremental, ...(incremental && { cache: new ParseCache() }) });
  const lineOf = (offset: number) => analysis.postmortem!.lineStarts.filter((start) => start <= offset).length;
  return { text, expected, analysis, lineOf };
}

/** An entry as the fixture states it: the day in its zone for a date alone, else the UTC instant. */
function asWritten(entry: TimelineEntry, line: number) {
  let time: string | null = null;
  if (entry.instant !== null) {
    if (entry.precision === 'day') {
      const d = calendarDateOf(entry.instant, entry.zone ?? 'UTC');
      time = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
    } else time = new Date(entry.instant).toISOString();
  }
  return { line, time, precision: entry.precision, zone: entry.zone };
}

describe('real timeline shapes', () => {
  it('has a corpus of at least 25 shapes, each naming where it was seen', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
    for (const file of fixtures) expect(readFileSync(join(DIR, file), 'utf8')).toMatch(/<!-- shape: (?:(?!-->)[\s\S])*seen in: /);
  });

  describe.each(fixtures)('%s', (file) => {
    it('reads every entry a reviewer reads, with its instant, precision and zone', () => {
      const { expected, analysis, lineOf } = read(file);
      const got = analysis.postmortem!.timeline.map((entry) => asWritten(entry, lineOf(entry.timeRange.start)));
      const want = expected.entries.map((e) => ({ line: e.line, time: e.time && e.precision !== 'day' ? new Date(e.time).toISOString() : e.time, precision: e.precision, zone: e.zone }));
      // A zone is stated only where it is unambiguous; elsewhere the instant says enough.
      const compared = got.map((g, i) => (want[i] && want[i].zone === undefined ? { ...g, zone: undefined } : g));
      expect(compared).toEqual(want);
    });

    it('reports one finding per real mistake, and nothing on a correct timeline', () => {
      const { expected, analysis, lineOf } = read(file);
      const timelineProblems = analysis.problems
        .filter((p) => p.rule.startsWith('timeline-'))
        .map((p) => ({ rule: p.rule, line: lineOf(p.range.start) }))
        .sort((a, b) => a.line - b.line);
      expect(timelineProblems).toEqual([...expected.problems].sort((a, b) => a.line - b.line));
    });

    // Skipped (and reported so) in the mutation run: both parses run the same mutated code.
    it.skipIf(process.env.PM_MUTATION_RUN)('reads the same when parsed in pieces, as the editor does', () => {
      const whole = read(file, false).analysis;
      const pieces = read(file, true).analysis;
      const model = (a: typeof whole) => ({ timeline: reportPostmortem(a.postmortem!).timeline, problems: a.problems.map((p) => [p.rule, p.range, p.message]) });
      expect(model(pieces)).toEqual(model(whole));
    });
  });
});

const lines = (...l: string[]) => l.join('\n') + '\n';
const timelineOf = (text: string, template = defaultTemplate()) => analyze(text, { template }).postmortem!.timeline;

describe('timeline reading details', () => {
  it('says how an entry was read: day, time, zone and precision', () => {
    const [first, second, third] = timelineOf(lines('# T', '', '## Timeline', '', '- 2024-05-12 14:05 PT one', '- 14:06:30 two', '- 2024-05-13 three'));
    expect(entryReading(first)).toBe('Read as 2024-05-12 14:05 America/Los_Angeles (to the minute).');
    expect(entryReading(second)).toBe('Read as 2024-05-12 14:06:30 UTC (to the second).');
    expect(entryReading(third)).toBe('Read as 2024-05-13 UTC (the day only).');
  });

  it('never invents a year: without one the JSON time has none', () => {
    const report = reportPostmortem(analyze(lines('# T', '', '## Timeline', '', '- May 12 14:05 a', '- 14:10 b')).postmortem!);
    expect(report.timeline.map((e) => e.time)).toEqual(['--05-12T14:05:00.000Z', '--05-12T14:10:00.000Z']);
  });

  it('names the reading of an ambiguous zone in the problem, and follows zoneAliases', () => {
    const text = lines('# T', '', '## Timeline', '', '- 2024-05-12 10:00 IST a', '- 2024-05-12 09:00 IST b', '- 2024-05-12 11:00 IST c');
    const order = analyze(text).problems.find((p) => p.rule === 'timeline-order');
    expect(order?.message).toContain('IST was read as India Standard Time (+05:30)');
    const aliased = mergeTemplate(defaultTemplate(), { timeline: { zoneAliases: { IST: 'Europe/Dublin' } } });
    expect(timelineOf(text, aliased).map((e) => e.zone)).toEqual(['Europe/Dublin', 'Europe/Dublin', 'Europe/Dublin']);
  });

  it('gives the next-day hint only where a day change is plausible', () => {
    const messages = (a: string, b: string) =>
      analyze(lines('# T', '', '## Timeline', '', `- ${a} x`, `- ${b} y`, '- 23:59 z')).problems.filter((p) => p.rule === 'timeline-order').map((p) => p.message);
    expect(messages('09:18', '09:05')[0]).not.toMatch(/next day/);
    expect(messages('23:40', '00:10')).toEqual([expect.stringMatching(/read as the next day/)]);
  });

  it('newest first, steps back a day going forward across midnight, from the day the Duration ends', () => {
    // Status-page style, newest entry on top, times only, across midnight.
    const text = lines('# T', '', '**Duration:** 2024-05-01 23:40 - 2024-05-02 01:10 (UTC)', '', '## Timeline', '', '<!-- postmortem-timeline newest-first -->', '', '- 01:10 resolved', '- 00:30 rolled back', '- 23:50 alert fires', '- 23:45 deploy');
    const { postmortem, problems } = analyze(text);
    expect(postmortem!.timeline.map((e) => new Date(e.instant!).toISOString())).toEqual(['2024-05-02T01:10:00.000Z', '2024-05-02T00:30:00.000Z', '2024-05-01T23:50:00.000Z', '2024-05-01T23:45:00.000Z']);
    expect(postmortem!.timeline.map((e) => e.previousDay ?? false)).toEqual([false, false, true, false]);
    // Said, not guessed quietly: the one inferred day change is named, and nothing is outside the Duration.
    expect(problems.filter((p) => p.rule.startsWith('timeline')).map((p) => [p.rule, p.message])).toEqual([
      ['timeline-order', '23:50 is later than 00:30 above: read as the day before (this timeline is newest first). If it is, write the date (“2024-05-01 23:50”); if not, check the time.'],
    ]);
  });

  it('reads a date-then-placeholder as unreadable, never midnight', () => {
    const [entry] = timelineOf(lines('# T', '', '## Timeline', '', '- 2024-05-12 ??:?? a'));
    expect(entry.instant).toBeNull();
    expect(entry.timeText).toBe('2024-05-12 ??:??');
  });
});

describe('sections as real documents write them', () => {
  const google = getBuiltinTemplate('google-sre')!;
  it('ignores a trailing ? or ! in titles', () => {
    const sections = analyze(lines('# T', '', '## Impact?', '', 'x', '', '## Lessons Learned!', '', 'y')).postmortem!.allSections;
    expect(sections.map((s) => s.template?.title)).toEqual(['Impact', 'Lessons Learned']);
  });

  it('does not take a heading inside Action Items or an appendix as a top-level section', () => {
    const text = lines('# T', '', '## Action Items', '', '### Detection', '', '- **Prevent:** x', '', '## Appendix', '', '#### Summary', '', 'z');
    const sections = analyze(text, { template: google }).postmortem!.allSections;
    expect(sections.map((s) => [s.title, s.template?.title])).toEqual([['Action Items', 'Action Items'], ['Detection', undefined], ['Appendix', 'Supporting Information'], ['Summary', undefined]]);
  });

  it('judges heading levels from the title: an H2 title over H3 sections is consistent', () => {
    const text = lines('## Incident report', '', '### Impact', '', 'x', '', '### Timeline', '', '- 10:00 a');
    expect(analyze(text).problems.filter((p) => p.rule === 'heading-level')).toEqual([]);
  });

  it('keeps action-item-untagged quiet under a heading named like a tag, and on tag definitions', () => {
    const text = lines('# T', '', '## Action Items', '', '- Prevent – work that stops a repeat', '', '### Mitigate', '', '- Page on replica lag', '', '### Later', '', '- Untyped item');
    const untagged = analyze(text, { template: google }).problems.filter((p) => p.rule === 'action-item-untagged');
    expect(untagged.map((p) => text.slice(p.range.start, p.range.end))).toEqual(['Untyped item']);
  });
});
