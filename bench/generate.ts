// Realistic postmortems for the benchmark, deterministic from a seed.
// - generatePostmortem(bytes): one incident of the default template whose timeline grows with the
//   size: a 3 KB one is a single afternoon, a 1 MB one a two-week log with a heading per day and per
//   on-call shift, tables of metrics, log excerpts, quotes, and a long list of action items.
// - typicalPostmortem(seed): the everyday 2–6 KB postmortem, with the problems people really leave
//   (a missing section, an untagged action item, an entry out of order) in some of them.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** mulberry32: small, fast, and the same on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const int = (r: Rand, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
const pad = (n: number): string => String(n).padStart(2, '0');

const SERVICES = ['checkout-api', 'payments-gateway', 'session-cache', 'search-indexer', 'auth-service', 'orders-db', 'edge-proxy', 'notification-worker', 'inventory-api', 'billing-batch'];
const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2', 'ap-southeast-1', 'eu-central-1'];
const PEOPLE = ['@dana', '@li.wei', '@sam', '@priya', '@jonas', '@maria', '@kofi', '@alex', '@noor', '@tomasz'];
const TEAMS = ['Payments', 'Platform', 'SRE', 'Search', 'Identity', 'Data', 'Networking'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TAGS = ['Fix', 'Improvement', 'TODO'];

const TITLES = [
  'Checkout API Timeouts After Cache Cluster Failover',
  'Search Results Stale for Six Hours After Indexer Backlog',
  'Login Failures Caused by an Expired Intermediate Certificate',
  'Orders Database Replication Lag During Peak Traffic',
  'Edge Proxy Dropped Connections After a Config Push',
  'Duplicate Notifications Sent After a Queue Redelivery Storm',
  'Billing Batch Job Double-Charged a Subset of Invoices',
  'Inventory Counts Drifted After a Partial Region Outage',
];

const EVENTS: readonly ((r: Rand) => string)[] = [
  (r) => `Latency alert fires for ${pick(r, SERVICES)} (p99 above ${int(r, 2, 9)} s in ${pick(r, REGIONS)}).`,
  (r) => `${pick(r, PEOPLE)} acknowledges the page and joins the incident channel.`,
  (r) => `Error rate for \`${pick(r, SERVICES)}\` at ${int(r, 1, 40)}.${int(r, 0, 9)}%; dashboards linked in [the incident doc](https://wiki.example.com/incidents/${int(r, 1000, 9999)}).`,
  (r) => `Rolled back ${pick(r, SERVICES)} to the previous release (build ${int(r, 10000, 99999)}) in ${pick(r, REGIONS)}.`,
  (r) => `Customer support reports ${int(r, 3, 300)} new tickets mentioning failed payments.`,
  (r) => `${pick(r, PEOPLE)} hands over incident command to ${pick(r, PEOPLE)}.`,
  (r) => `Connection pool exhaustion found in the ${pick(r, SERVICES)} logs; pool at ${int(r, 90, 100)}% of ${int(r, 50, 400)} connections.`,
  (r) => `Traffic shifted away from ${pick(r, REGIONS)}: ${int(r, 10, 100)}% now served by ${pick(r, REGIONS)}.`,
  (r) => `Status page updated: *investigating* → *identified*. Next update in ${int(r, 15, 60)} minutes.`,
  (r) => `Vendor ticket ${pick(r, ['CASE', 'SR', 'INC'])}-${int(r, 100000, 999999)} opened with the cloud provider; severity ${int(r, 1, 3)}.`,
  (r) => `Replica lag on orders-db back under ${int(r, 1, 10)} s; writes re-enabled for ${pick(r, TEAMS)} jobs.`,
  (r) => `Feature flag \`${pick(r, ['new-cart', 'fast-search', 'async-invoices', 'edge-cache-v2'])}\` switched **off** for all tenants.`,
  (r) => `Canary of the fix deployed to ${int(r, 1, 10)}% of ${pick(r, SERVICES)} pods; watching error budget burn.`,
  (r) => `Backfill job for ${pick(r, ['invoices', 'search documents', 'sessions', 'inventory counts'])} at ${int(r, 1, 99)}% (${int(r, 1, 900)}k of ${int(r, 900, 2000)}k rows).`,
  (r) => `Sync call with ${pick(r, TEAMS)} and ${pick(r, TEAMS)}: agreed to keep ${pick(r, REGIONS)} drained overnight.`,
];

function event(r: Rand): string {
  return pick(r, EVENTS)(r);
}

function metricsTable(r: Rand, startMinute: number): { text: string; minutes: number } {
  const rows: string[] = ['| Time | Region | Error rate | p99 latency | Requests failed |', '| --- | --- | ---: | ---: | ---: |'];
  let minute = startMinute;
  const count = int(r, 3, 8);
  for (let i = 0; i < count; i++) {
    rows.push(`| ${pad(Math.floor(minute / 60) % 24)}:${pad(minute % 60)} | ${pick(r, REGIONS)} | ${int(r, 0, 30)}.${int(r, 0, 9)}% | ${int(r, 200, 9000)} ms | ${int(r, 0, 90000)} |`);
    minute += int(r, 1, 5);
  }
  return { text: rows.join('\n') + '\n', minutes: minute - startMinute };
}

function logExcerpt(r: Rand): string {
  const lines = ['```text'];
  const count = int(r, 3, 10);
  for (let i = 0; i < count; i++) {
    lines.push(`${pick(r, ['ERROR', 'WARN', 'INFO'])} ${pick(r, SERVICES)}[${int(r, 1, 64)}] ${pick(r, [
      'upstream timed out after 30000 ms',
      'pool exhausted: 0 of 200 connections idle',
      'retrying request (attempt 3 of 5)',
      'circuit breaker open for orders-db',
      'TLS handshake failed: certificate has expired',
    ])} trace_id=${int(r, 1e8, 9e8).toString(16)}`);
  }
  lines.push('```');
  return lines.join('\n') + '\n';
}

/** Paragraphs of plausible prose, about `bytes` long. */
function prose(r: Rand, bytes: number): string {
  const sentences = [
    'The cache client kept connections to the old primary open after failover.',
    'Each request waited for a socket timeout before retrying, which exhausted the connection pool under normal load.',
    'Nobody had tested what our services do while the managed database fails over.',
    'The alert fired on latency, which lags the real problem by several minutes.',
    'Dashboards for the affected region were split across three tools, which slowed the diagnosis.',
    'Rolling back did not help because the faulty setting lived in a shared config map, not in the release.',
    'Customers in the affected region saw "payment could not be processed" errors; no order was charged twice.',
    'The runbook step for draining a region assumed a tool that was retired last year.',
  ];
  const out: string[] = [];
  let para: string[] = [];
  let size = 0;
  while (size < bytes) {
    const s = pick(r, sentences);
    para.push(s);
    size += s.length + 1;
    if (para.length >= int(r, 3, 6)) {
      out.push(wrap(para.join(' ')));
      para = [];
    }
  }
  if (para.length) out.push(wrap(para.join(' ')));
  return out.join('\n\n') + '\n';
}

/** Hard-wraps at ~100 columns the way people's editors do. */
function wrap(text: string, width = 100): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function actionItems(r: Rand, count: number, untaggedEvery = 0): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const what = pick(r, [
      `Upgrade the ${pick(r, SERVICES)} client to the release that follows failover notifications`,
      `Alert on connection pool saturation for ${pick(r, SERVICES)}, not only on latency`,
      `Run a failover drill for ${pick(r, SERVICES)} every quarter`,
      `Move the ${pick(r, REGIONS)} drain procedure into the runbook with the current tooling`,
      `Add a dashboard that shows error rate per region next to the deploy markers`,
      `Rotate the intermediate certificate automatically and alert 30 days before expiry`,
    ]);
    const owner = `owner: ${pick(r, PEOPLE)}, ${pick(r, ['PAY', 'PLAT', 'SRE', 'SRCH'])}-${int(r, 100, 9999)}, due 2024-${pad(int(r, 4, 12))}-${pad(int(r, 1, 28))}`;
    const box = r() < 0.5 ? (r() < 0.3 ? '[x] ' : '[ ] ') : '';
    const tag = untaggedEvery && i % untaggedEvery === untaggedEvery - 1 ? '' : `**${pick(r, TAGS)}:** `;
    items.push(`- ${box}${tag}${what} (${owner}).`);
  }
  return items.join('\n') + '\n';
}

interface Clock {
  day: number; // days since the incident's first day
  minute: number; // minute of that day
}

const START = { year: 2024, month: 3, day: 3 };

function dateOf(day: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(START.year, START.month - 1, START.day + day));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function isoDay(day: number): string {
  const d = dateOf(day);
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

function longDay(day: number): string {
  const d = dateOf(day);
  return `${MONTHS[d.month - 1]} ${d.day}, ${d.year}`;
}

function hhmm(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/**
 * The timeline body: entries a few minutes apart; a `### <date>` heading each day and, once the log
 * is longer than an afternoon, a `#### Shift` heading at each on-call hand-over (every 8 hours).
 */
function timeline(r: Rand, bytes: number): { text: string; end: Clock } {
  const parts: string[] = [];
  let size = 0;
  const clock: Clock = { day: 0, minute: 9 * 60 + 12 };
  const multiDay = bytes > 20_000;
  let shift = -1;
  let day = -1;
  let listOpen = false;
  const push = (text: string) => {
    parts.push(text);
    size += text.length;
  };
  while (size < bytes) {
    if (multiDay && clock.day !== day) {
      day = clock.day;
      push(`${listOpen ? '\n' : ''}### ${longDay(day)}\n\n`);
      listOpen = false;
      shift = -1;
    }
    const currentShift = Math.floor(clock.minute / 480);
    if (multiDay && currentShift !== shift) {
      shift = currentShift;
      push(`${listOpen ? '\n' : ''}#### Shift ${shift + 1} (${hhmm(shift * 480)}–${hhmm(Math.min(shift * 480 + 480, 1439))} UTC, IC ${pick(r, PEOPLE)})\n\n`);
      listOpen = false;
    }
    const roll = r();
    if (multiDay && roll < 0.02 && clock.minute < 1380) {
      const table = metricsTable(r, clock.minute);
      push(`${listOpen ? '\n' : ''}${table.text}\n`);
      listOpen = false;
      clock.minute += table.minutes;
    } else if (multiDay && roll < 0.035) {
      push(`${listOpen ? '\n' : ''}${logExcerpt(r)}\n`);
      listOpen = false;
    } else if (multiDay && roll < 0.045) {
      push(`${listOpen ? '\n' : ''}> ${pick(r, ['Support:', 'Customer:', 'Vendor:'])} ${event(r)}\n\n`);
      listOpen = false;
    } else {
      const time = multiDay ? hhmm(clock.minute) : `${hhmm(clock.minute)}`;
      let entry = `- **${time}:** ${event(r)}`;
      if (r() < 0.15) entry += `\n  ${event(r)}`;
      push(entry + '\n');
      listOpen = true;
    }
    clock.minute += multiDay ? int(r, 1, 6) : int(r, 3, 25);
    if (clock.minute >= 1440) {
      clock.minute -= 1440;
      clock.day++;
    }
  }
  return { text: parts.join(''), end: { ...clock } };
}

/** One postmortem of about `bytes` bytes (the timeline takes what the fixed sections leave). */
export function generatePostmortem(bytes: number, seed = 1): string {
  const r = rng(seed);
  const scale = Math.max(1, bytes / 3000);
  const impactBytes = Math.min(400 * Math.sqrt(scale), 6000);
  const causeBytes = Math.min(300 * Math.sqrt(scale), 8000);
  const actions = Math.round(Math.min(4 * Math.sqrt(scale), 120));
  const head = (end: Clock) =>
    `# Postmortem: ${pick(r, TITLES)}\n\n` +
    `**Duration:** ${isoDay(0)} 09:12 - ${isoDay(end.day)} ${hhmm(end.minute)} (UTC)\n` +
    `**Severity:** SEV-${int(r, 1, 2)}\n**Status:** Resolved\n**Authors:** ${pick(r, PEOPLE)}, ${pick(r, PEOPLE)}\n\n`;
  const impact = `## Impact\n\n${prose(r, impactBytes)}\n` +
    (scale > 5 ? `| Region | Error rate | Requests failed | Duration |\n| --- | ---: | ---: | --- |\n${REGIONS.map((region) => `| ${region} | ${int(r, 0, 30)}% | ${int(r, 0, 900)}k | ${int(r, 1, 300)} h |`).join('\n')}\n\n` : '');
  const rootCause = `## Root Cause and Resolution\n\n### Root Cause\n\n${prose(r, causeBytes)}\n### Resolution\n\n${prose(r, causeBytes / 2)}\n`;
  const measures = `## Corrective and Preventative Measures\n\n${actionItems(r, actions)}\n`;
  const lessons = `## Lessons Learned\n\n${prose(r, causeBytes / 2)}\n`;
  const conclusion = `## Conclusion\n\n${prose(r, 200)}`;
  const fixed = 300 + impact.length + rootCause.length + measures.length + lessons.length + conclusion.length;
  const t = timeline(r, Math.max(600, bytes - fixed));
  return head(t.end) + impact + `## Timeline${scale > 5 ? ' (UTC)' : ''}\n\n${t.text}\n` + rootCause + measures + lessons + conclusion;
}

/**
 * A typical postmortem: 2–6 KB, an afternoon's timeline, a handful of action items. About one in
 * five has a problem our rules report (as real drafts do).
 */
export function typicalPostmortem(seed: number): string {
  const r = rng(seed * 7919 + 13);
  let text = generatePostmortem(int(r, 2000, 6000), seed * 31 + 7);
  const flaw = r();
  if (flaw < 0.05) text = text.replace(/## Lessons Learned\n\n[^#]*/, '');
  else if (flaw < 0.1) text = text.replace(/(\n- \[[ x]\] |\n- )\*\*(Fix|Improvement|TODO):\*\* /, '$1');
  else if (flaw < 0.15) text = text.replace(/- \*\*(\d\d):(\d\d):\*\*/, (_m, h: string) => `- **${pad((Number(h) + 3) % 24)}:00:**`);
  else if (flaw < 0.2) text = text.replace('## Conclusion\n\n', '## Conclusion\n\nWho and what was affected, and for how long?\n\n');
  return text;
}

/** Writes `count` typical postmortems into dir/postmortems/; returns their total size in bytes. */
export async function writeCorpus(dir: string, count: number): Promise<number> {
  const folder = join(dir, 'postmortems');
  await mkdir(folder, { recursive: true });
  let total = 0;
  for (let i = 0; i < count; i++) {
    const text = typicalPostmortem(i + 1);
    total += Buffer.byteLength(text);
    await writeFile(join(folder, `${String(i + 1).padStart(4, '0')}-postmortem.md`), text);
  }
  return total;
}

/** Tags a team uses that the default template does not know: each action item tagged so is a problem. */
const TEAM_TAGS = ['Runbook', 'Alerting', 'Capacity', 'Drill', 'Ownership', 'Docs'];

/**
 * A postmortem of about `bytes` bytes with `problems` action items under a team's own tags (each one
 * an action-item-unknown-tag problem): the 1 MB document with ~1,300 problems of issue 12.
 */
export function manyProblemsPostmortem(bytes: number, problems: number, seed = 1): string {
  const items = Array.from({ length: problems }, (_, i) => `- **${TEAM_TAGS[i % TEAM_TAGS.length]}:** Follow up on step ${i + 1} of the failover.\n`).join('');
  const text = generatePostmortem(Math.max(3000, bytes - items.length), seed);
  const at = text.indexOf('## Corrective and Preventative Measures\n\n') + '## Corrective and Preventative Measures\n\n'.length;
  return text.slice(0, at) + items + text.slice(at);
}
