// A team's repository of postmortems, generated: each team writes to its own template (its section
// titles, order and levels, its action-item tags, the zone it states), with the variation real
// repositories have (a renamed heading, a skipped optional section, a draft missing one). Used by
// the report and init tests and by the repository rows of the benchmark. Deterministic from a seed.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rng } from './generate.js';

type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const int = (r: Rand, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
const pad = (n: number): string => String(n).padStart(2, '0');

export interface TeamSection {
  /** The title most files use, then the variants some write instead. */
  titles: string[];
  level: number;
  /** Share of files that have it. */
  presence: number;
  kind?: 'timeline' | 'actions';
  children?: TeamSection[];
}

export interface TeamStyle {
  name: string;
  titleLine: (title: string) => string;
  sections: TeamSection[];
  tags: string[];
  /** IANA zone the team states; timelines are written in it. */
  zone: string;
  /** How the zone is stated: a preamble line in the timeline, or in the timeline heading. */
  zoneStatement: 'preamble' | 'duration';
  actionShape: 'bold' | 'task' | 'table';
  descending?: boolean;
}

const PEOPLE = ['dana', 'li.wei', 'sam', 'priya', 'jonas', 'maria', 'kofi', 'alex'];
const SERVICES = ['checkout-api', 'payments-gateway', 'session-cache', 'search-indexer', 'auth-service', 'orders-db', 'edge-proxy'];
const EVENTS = [
  (r: Rand) => `Latency alert fires for ${pick(r, SERVICES)}.`,
  (r: Rand) => `@${pick(r, PEOPLE)} acknowledges the page and opens the incident channel.`,
  (r: Rand) => `Error rate on ${pick(r, SERVICES)} reaches ${int(r, 2, 60)}%.`,
  (r: Rand) => `Connection pool exhaustion found in the ${pick(r, SERVICES)} logs.`,
  (r: Rand) => `Traffic shifted to the standby region.`,
  (r: Rand) => `Status page updated; next update in ${int(r, 15, 45)} minutes.`,
];
const ACTIONS = ['Alert on connection pool saturation', 'Add a runbook for cache failover', 'Rate-limit retries from the web tier', 'Test certificate chains in CI', 'Run a failover drill every quarter', 'Page the owning team directly', 'Document how to pause the migration job'];
const PROSE = ['Checkout requests timed out for a share of customers in one region.', 'The cache client did not follow the failover and kept a pool of dead connections.', 'Retries from the web tier doubled the load on the remaining nodes.', 'We had no alert on pool saturation, only on latency.', 'A config push removed the health-check override on the edge proxies.'];
const TITLES = ['Checkout API Timeouts', 'Search Results Stale', 'Login Failures After Certificate Rotation', 'Replication Lag During Peak Traffic', 'Edge Proxy Dropped Connections', 'Duplicate Notifications After Redelivery'];

export const TEAM_STYLES: readonly TeamStyle[] = [
  {
    name: 'acme',
    titleLine: (title) => `# Incident: ${title}`,
    zone: 'America/New_York',
    zoneStatement: 'preamble',
    actionShape: 'bold',
    tags: ['Bug', 'Process', 'Alerting'],
    sections: [
      { titles: ['Summary', 'TL;DR'], level: 2, presence: 1 },
      { titles: ['Customer Impact', 'Impact to Customers'], level: 2, presence: 1 },
      { titles: ['What Happened', 'Sequence of Events'], level: 2, presence: 1, kind: 'timeline' },
      { titles: ['Contributing Factors'], level: 2, presence: 0.97 },
      { titles: ['Follow-ups', 'Follow-up Items'], level: 2, presence: 1, kind: 'actions' },
      { titles: ['Open Questions'], level: 2, presence: 0.3 },
    ],
  },
  {
    name: 'beta',
    titleLine: (title) => `# Postmortem — ${title}`,
    zone: 'Europe/Berlin',
    zoneStatement: 'duration',
    actionShape: 'task',
    tags: ['P1', 'P2', 'P3'],
    sections: [
      { titles: ['Overview'], level: 2, presence: 1 },
      { titles: ['Detection'], level: 2, presence: 0.95 },
      { titles: ['Timeline', 'Event Log'], level: 2, presence: 1, kind: 'timeline' },
      {
        titles: ['Analysis', 'Root Cause Analysis'], level: 2, presence: 1,
        children: [
          { titles: ['Trigger'], level: 3, presence: 1 },
          { titles: ['Why It Spread', 'Why it Spread'], level: 3, presence: 0.9 },
        ],
      },
      { titles: ['Action Items', 'Actions'], level: 2, presence: 1, kind: 'actions' },
      { titles: ['Lessons Learned', 'Lessons'], level: 2, presence: 0.85 },
    ],
  },
  {
    name: 'gamma',
    titleLine: (title) => `# ${title} (Retrospective)`,
    zone: 'UTC',
    zoneStatement: 'preamble',
    actionShape: 'table',
    descending: true,
    tags: ['Fix', 'Mitigate', 'Learn'],
    sections: [
      { titles: ['Context'], level: 2, presence: 1 },
      { titles: ['Chronology', 'Log'], level: 2, presence: 1, kind: 'timeline' },
      { titles: ['Causes'], level: 2, presence: 1 },
      { titles: ['Remediation Plan', 'Remediation'], level: 2, presence: 1, kind: 'actions' },
      { titles: ['Appendix'], level: 2, presence: 0.2 },
    ],
  },
];

/** The `index`-th postmortem of a team; about one in ten has a real problem (a missing section, a heading level). */
export function teamPostmortem(style: TeamStyle, index: number, seed = 1): { name: string; text: string } {
  const r = rng(seed * 104729 + index * 7 + style.name.length);
  const day = new Date(Date.UTC(2023, 0, 1) + index * 3 * 86_400_000 + int(r, 0, 2) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  const startMinute = int(r, 60, 900);
  const entries = int(r, 4, 9);
  const minutes: number[] = [];
  let at = startMinute;
  for (let i = 0; i < entries; i++) minutes.push(at), (at += int(r, 3, 20));
  const hhmm = (m: number) => `${pad(Math.floor(m / 60) % 24)}:${pad(m % 60)}`;
  const end = Math.min(at, 23 * 60 + 59);
  const title = `${pick(r, TITLES)} (${date})`;
  const drop = r() < 0.05 ? int(r, 0, style.sections.length - 1) : -1; // a draft missing a section
  const wrongLevel = r() < 0.03;
  const parts: string[] = [style.titleLine(title), ''];
  parts.push(`**Date:** ${date}`, `**Severity:** SEV-${int(r, 1, 3)}`, `**Status:** ${pick(r, ['Resolved', 'Resolved', 'Monitoring'])}`);
  const zoneText = style.zone;
  parts.push(`**Duration:** ${date} ${hhmm(startMinute)} - ${date} ${hhmm(end)}${style.zoneStatement === 'duration' ? ` (${zoneText})` : ''}`, '');
  const write = (section: TeamSection, i: number, depth: number) => {
    if (i === drop && depth === 0) return;
    if (section.presence < 1 && r() > section.presence) return;
    const heading = r() < 0.15 && section.titles.length > 1 ? section.titles[1 + Math.floor(r() * (section.titles.length - 1))] : section.titles[0];
    const level = wrongLevel && depth === 0 && i === 1 ? section.level + 1 : section.level;
    parts.push(`${'#'.repeat(level)} ${heading}`, '');
    if (section.kind === 'timeline') {
      if (style.zoneStatement === 'preamble') parts.push(`All times are ${zoneText}.`, '');
      const ordered = style.descending ? [...minutes].reverse() : minutes;
      for (const m of ordered) parts.push(`- ${hhmm(m)} ${pick(r, EVENTS)(r)}`);
      parts.push('');
    } else if (section.kind === 'actions') {
      parts.push(...actionItems(r, style, day.getTime()), '');
    } else if (!section.children) {
      parts.push(`${pick(r, PROSE)} ${pick(r, PROSE)}`, '');
    }
    section.children?.forEach((child, j) => write(child, j, depth + 1));
  };
  style.sections.forEach((section, i) => write(section, i, 0));
  return { name: `${date}-${style.name}-${String(index).padStart(4, '0')}.md`, text: parts.join('\n') };
}

function actionItems(r: Rand, style: TeamStyle, incidentMs: number): string[] {
  const count = int(r, 2, 5);
  const lines: string[] = style.actionShape === 'table' ? ['| Tag | Action | Owner | Due | Status |', '| --- | --- | --- | --- | --- |'] : [];
  for (let i = 0; i < count; i++) {
    const tag = style.tags[Math.floor(r() * r() * style.tags.length)];
    const owner = pick(r, PEOPLE);
    const due = new Date(incidentMs + int(r, 7, 60) * 86_400_000).toISOString().slice(0, 10);
    const done = r() < 0.6;
    const text = pick(r, ACTIONS);
    if (style.actionShape === 'table') lines.push(`| **${tag}:** | ${text} | @${owner} | ${due} | ${done ? 'Done' : 'Open'} |`);
    else if (style.actionShape === 'task') lines.push(`- [${done ? 'x' : ' '}] **${tag}:** ${text} @${owner} due ${due}`);
    else lines.push(`- **${tag}:** ${text} (owner: @${owner}, due ${due})`);
  }
  return lines;
}

/** Writes `count` postmortems of `style` into dir/postmortems/; returns their names. */
export async function writeTeamRepository(dir: string, style: TeamStyle, count: number, seed = 1): Promise<string[]> {
  const folder = join(dir, 'postmortems');
  await mkdir(folder, { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const { name, text } = teamPostmortem(style, i, seed);
    await writeFile(join(folder, name), text);
    names.push(name);
  }
  return names;
}
