// Benchmark row: does indexing a workspace of 1,000 postmortems (the views' index) delay the
// diagnostics of the document being typed? Edits to an open 3 KB postmortem, didChange → its
// publishDiagnostics, first with the server idle, then while the index request is running.
// Run alone with `node --import tsx bench/index-bench.ts` (after `npm run build`).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LspTestClient, uriOf } from '../test/support/lsp-client.js';
import { WORKSPACE_INDEX_REQUEST } from '../server/src/lsp/protocol.js';
import { generatePostmortem } from './generate.js';
import { TEAM_STYLES, writeTeamRepository } from './repository.js';
import { percentile, sleep } from './stats.js';
import type { RepositoryTarget } from './repository-bench.js';

export interface IndexBench {
  files: number;
  idleMs: number[];
  indexingMs: number[];
  indexMs: number;
  /** p95 while indexing minus p95 idle. */
  delayP95Ms: number;
}

async function typeOnce(client: LspTestClient, uri: string, text: string): Promise<number> {
  const since = client.mark();
  const started = performance.now();
  const version = client.change(uri, text);
  await client.diagnosticsFor(uri, version, since, 30_000);
  return performance.now() - started;
}

export async function measureIndexing(files = 1000, edits = 30): Promise<IndexBench> {
  const dir = await mkdtemp(join(tmpdir(), 'postmortem-index-bench-'));
  let client: LspTestClient | undefined;
  try {
    const perStyle = Math.ceil(files / TEAM_STYLES.length);
    for (const [i, style] of TEAM_STYLES.entries()) await writeTeamRepository(dir, style, Math.min(perStyle, files - perStyle * i));
    const path = join(dir, 'postmortems/open-document.md');
    const base = generatePostmortem(3000, 7);
    await writeFile(path, base);
    const uri = uriOf(path);
    client = await LspTestClient.start({ folders: [dir] });
    const since = client.mark();
    client.open(uri, base);
    await client.nextDiagnostics(uri, since);
    // Typing: one more character at the end of the Impact paragraph each time, with a pause between keys.
    const at = base.indexOf('\n', base.indexOf('## Impact') + 12);
    let typed = '';
    const edit = async () => {
      typed += 'x';
      const ms = await typeOnce(client!, uri, base.slice(0, at) + typed + base.slice(at));
      await sleep(30);
      return ms;
    };
    for (let i = 0; i < 3; i++) await edit();
    const idleMs: number[] = [];
    for (let i = 0; i < edits; i++) idleMs.push(await edit());
    const indexStarted = performance.now();
    let indexMs = 0;
    const indexing = client.request(WORKSPACE_INDEX_REQUEST, {}).then(() => void (indexMs = performance.now() - indexStarted));
    const indexingMs: number[] = [];
    while (indexMs === 0 && indexingMs.length < edits * 10) indexingMs.push(await edit());
    await indexing;
    return { files, idleMs, indexingMs, indexMs, delayP95Ms: percentile(indexingMs, 95) - percentile(idleMs, 95) };
  } finally {
    await client?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export function indexTargets(bench: IndexBench): RepositoryTarget[] {
  return [{ name: `indexing ${bench.files} postmortems: added p95 delay of diagnostics for the open document (${bench.indexingMs.length} edits during the index)`, target: '≤ 50 ms', measured: `${bench.delayP95Ms.toFixed(1)} ms`, pass: bench.delayP95Ms <= 50 }];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bench = await measureIndexing();
  console.log(`idle p50 ${percentile(bench.idleMs, 50).toFixed(1)} p95 ${percentile(bench.idleMs, 95).toFixed(1)} ms; while indexing (${bench.indexMs.toFixed(0)} ms, ${bench.indexingMs.length} edits) p50 ${percentile(bench.indexingMs, 50).toFixed(1)} p95 ${percentile(bench.indexingMs, 95).toFixed(1)} ms`);
  for (const t of indexTargets(bench)) console.log(`| ${t.name} | ${t.target} | ${t.measured} | ${t.pass ? 'PASS' : 'MISS'} |`);
}
