import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionFields, analyze, computeMetrics, reportPostmortem } from '../../server/src/core/index.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/preview/${name}`, import.meta.url), 'utf8');
const metricsOf = (text: string) => computeMetrics(analyze(text).postmortem!);
const MIN = 60_000;

describe('computeMetrics', () => {
  it('takes start and end from the Duration and milestones from timeline keywords', () => {
    const m = metricsOf(fixture('queue-backlog.md'));
    expect(new Date(m.start!).toISOString()).toBe('2024-06-11T13:40:00.000Z');
    expect(new Date(m.end!).toISOString()).toBe('2024-06-11T16:05:00.000Z');
    expect([m.startSource, m.endSource, m.dateKnown]).toEqual(['duration', 'duration', true]);
    expect(m.duration).toBe(145 * MIN);
    expect(m.detect?.after).toBe(12 * MIN); // "alert fires … paged"
    expect(m.mitigate?.after).toBe(51 * MIN); // "rolled back"
    expect(m.resolve?.after).toBe(145 * MIN); // "All services … resolved"
  });

  it('falls back to the earliest and latest entries without a Duration', () => {
    const m = metricsOf(fixture('rough-draft.md'));
    expect([m.startSource, m.endSource, m.dateKnown]).toEqual(['timeline', 'timeline', false]);
    expect(m.duration).toBe(55 * MIN); // 09:05 → 10:00, despite the step back to 09:12
    expect(m.detect?.after).toBe(0); // "noticed" on the first entry
    expect(m.mitigate).toBeNull();
    expect(m.resolve?.after).toBe(55 * MIN); // "closed"
  });

  it('reads each keyword family on its own', () => {
    const base = (line: string) => `# T\n\n**Duration:** 2024-01-02 10:00 - 12:00 UTC\n\n## Timeline\n\n- **10:00:** Start.\n- **10:30:** ${line}\n`;
    const cases: [string, 'detect' | 'mitigate' | 'resolve'][] = [
      ['Error budget burn detected.', 'detect'], ['Customer noticed slow pages.', 'detect'], ['SRE paged.', 'detect'],
      ['Workaround applied.', 'mitigate'], ['Fix deployed to canary.', 'mitigate'], ['Rollback started.', 'mitigate'], ['Impact mitigated.', 'mitigate'],
      ['Database recovered.', 'resolve'], ['All services green.', 'resolve'], ['Status page: operational.', 'resolve'], ['Ticket closed.', 'resolve'],
    ];
    for (const [line, kind] of cases) {
      const m = metricsOf(base(line));
      expect(m[kind]?.after, line).toBe(30 * MIN);
      for (const other of (['detect', 'mitigate', 'resolve'] as const).filter((k) => k !== kind)) expect(m[other], `${line} / ${other}`).toBeNull();
    }
  });

  it('prefers the first detection and the last resolution', () => {
    const text = '# T\n\n## Timeline\n\n- **10:00:** Alert fires.\n- **10:05:** Second alert.\n- **10:20:** Cache recovered.\n- **10:50:** All services recovered.\n';
    const m = metricsOf(text);
    expect(m.detect?.after).toBe(0);
    expect(m.resolve?.after).toBe(50 * MIN);
  });

  it('lets metadata name a milestone', () => {
    const text = '# T\n\n**Duration:** 2024-01-02 10:00 - 12:00 UTC\n**Detected:** 10:25\n\n## Timeline\n\n- **10:00:** Start.\n- **10:40:** Alert fires.\n';
    const m = metricsOf(text);
    expect(m.detect).toMatchObject({ source: 'metadata', after: 25 * MIN });
  });

  it('has nothing to say about a document without times', () => {
    const m = metricsOf('# Empty\n\n## Timeline\n\n- **TBD:** something\n');
    expect(m).toMatchObject({ start: null, end: null, duration: null, detect: null, mitigate: null, resolve: null });
  });

  it('goes into the JSON report', () => {
    const report = reportPostmortem(analyze(fixture('queue-backlog.md')).postmortem!);
    expect(report.metrics).toMatchObject({
      start: '2024-06-11T13:40:00.000Z',
      end: '2024-06-11T16:05:00.000Z',
      durationSeconds: 145 * 60,
      timeToDetectSeconds: 12 * 60,
      timeToMitigateSeconds: 51 * 60,
      timeToResolveSeconds: 145 * 60,
    });
  });
});

describe('actionFields', () => {
  const f = (text: string) => actionFields({ text });
  it('finds owners', () => {
    expect(f('Do it (owner: @dana, PAY-1)').owner).toBe('@dana');
    expect(f('Do it. Owner: Lee Chen.').owner).toBe('Lee Chen');
    expect(f('Do it. **Owner:** Kim').owner).toBe('Kim');
    expect(f('Do it, assigned to Ana; soon').owner).toBe('Ana');
    expect(f('Ping @ops-team about it').owner).toBe('@ops-team');
    expect(f('Mail dana@example.com').owner).toBeNull();
  });
  it('finds tickets', () => {
    expect(f('Fix it (PAY-1423)').ticket).toEqual({ text: 'PAY-1423', url: null });
    expect(f('See [INC-7](https://t.example/INC-7)').ticket).toEqual({ text: 'INC-7', url: 'https://t.example/INC-7' });
    expect(f('Tracked in https://github.com/o/r/issues/9.').ticket).toEqual({ text: 'https://github.com/o/r/issues/9', url: 'https://github.com/o/r/issues/9' });
    expect(f('Only SEV-2 incidents, UTF-8 names').ticket).toBeNull();
  });
  it('finds due dates', () => {
    expect(f('Do it, due 2024-06-01').due).toBe('2024-06-01');
    expect(f('Do it (due: 2024-06-01)').due).toBe('2024-06-01');
    expect(f('Do it by June 1').due).toBe('June 1');
    expect(f('Do it by Jun 1st, 2025').due).toBe('Jun 1st, 2025');
    expect(f('Do it by the end of the quarter').due).toBeNull();
  });
});

describe('milestone words', () => {
  const at = (line: string, kind: 'detect' | 'mitigate' | 'resolve') =>
    metricsOf(`# T\n\n**Duration:** 2024-01-02 10:00 - 12:00 UTC\n\n## Timeline\n\n- **10:00:** Start.\n- **10:30:** ${line}\n`)[kind]?.after ?? null;

  it.each([
    ['PagerDuty pages the on-call.', 'detect'],
    ['Paging the database team.', 'detect'],
    ['The on-call was paged.', 'detect'],
    ['Synthetic check detects the outage.', 'detect'],
    ['Deploy rolled back.', 'mitigate'],
    ['Rolling back the config.', 'mitigate'],
    ['Deployed a hotfix.', 'mitigate'],
    ['Queue recovers.', 'resolve'],
  ] as const)('%s counts as %s', (line, kind) => expect(at(line, kind)).toBe(30 * MIN));

  it.each([
    ['Rollback requested by the payments team.', 'mitigate'],
    ['We will roll back after the canary.', 'mitigate'],
    ['Team decides to roll back.', 'mitigate'],
    ['Plan: resolve by failing over.', 'resolve'],
    ['Status page updated.', 'detect'],
  ] as const)('%s is not %s', (line, kind) => expect(at(line, kind)).toBeNull());

  it('a request in one clause does not hide the milestone in another', () => {
    expect(at('Alert fires; on-call asks for a rollback.', 'detect')).toBe(30 * MIN);
    expect(at('Alert fires; on-call asks for a rollback.', 'mitigate')).toBeNull();
  });
});
