// The workspace index behind the Postmortems and Action Items views: a summary of every postmortem
// in the workspace folders. Open documents come from their live analysis; the others are read from
// disk asynchronously, one file per turn of the event loop, and not while a document is being
// typed, so a big workspace never holds up the diagnostics of the document being typed.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection } from 'vscode-languageserver';
import type { Analysis } from '../engine-entry.js';
import { engine } from './engine.js';
import { guardRequest } from './guard.js';
import { WORKSPACE_INDEX_REQUEST, type IndexedPostmortem, type WorkspaceIndexParams, type WorkspaceIndexResult } from './protocol.js';
import type { PostmortemService } from './service.js';
import { pathToUri, uriToPath } from './workspace.js';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/**
 * The scan reads no file until the open documents have been quiet this long: diagnostics take several
 * turns of the event loop (settings, config, publish), and a file analysed at each would add up.
 */
const QUIET_MS = 250;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The summary the views show, from one analysis. */
export function summarize(uri: string, analysis: Analysis): IndexedPostmortem | undefined {
  const postmortem = analysis.postmortem;
  if (!postmortem) return undefined;
  const e = engine();
  const { metrics, ...incident } = e.incidentSummary(postmortem);
  return {
    uri,
    ...incident,
    durationSeconds: metrics.durationSeconds,
    timeToResolveSeconds: metrics.timeToResolveSeconds,
    problemCount: analysis.problems.length,
    actionItems: postmortem.actionItems.map((item) => ({
      line: e.positionOf(postmortem.lineStarts, item.range.start).line,
      text: item.text,
      tag: item.tag,
      owner: item.owner?.value ?? null,
      due: typeof item.due?.value === 'number' ? isoDate(item.due.value) : null,
      status: e.actionStatus(item),
    })),
  };
}

export class WorkspaceIndex {
  /** Closed files, by URI; null for a Markdown file that is not a postmortem. */
  private readonly fromDisk = new Map<string, IndexedPostmortem | null>();
  private scan: Promise<void> | undefined;
  private lastEdit = -Infinity;

  constructor(private readonly connection: Connection, private readonly service: PostmortemService) {
    // Settings, config or trust changed: every summary may be out of date.
    service.onRefresh(() => this.invalidate());
    service.documents.onDidChangeContent(() => void (this.lastEdit = performance.now()));
  }

  invalidate(): void {
    this.fromDisk.clear();
    this.scan = undefined;
  }

  async postmortems(params: WorkspaceIndexParams = {}): Promise<IndexedPostmortem[]> {
    for (const uri of params.changed ?? []) if (typeof uri === 'string') this.fromDisk.delete(uri);
    this.scan ??= this.scanFolders();
    await this.scan;
    // Files that changed after the scan (or that it has not met) are read now.
    await Promise.all((params.changed ?? []).filter((uri) => typeof uri === 'string' && !this.fromDisk.has(uri)).map((uri) => this.readFromDisk(uri)));
    const result: IndexedPostmortem[] = [];
    const seen = new Set<string>();
    for (const live of this.service.documents.all()) {
      if (live.uri.startsWith('untitled:')) continue;
      seen.add(live.uri);
      const entry = await this.service.analysisOf(live);
      // A big document's model stays with the analysis worker until asked for.
      const summary = entry && summarize(live.uri, { ...entry.analysis, postmortem: await this.service.modelOf(entry) });
      if (summary) result.push(summary);
    }
    for (const [uri, summary] of this.fromDisk) if (summary && !seen.has(uri)) result.push(summary);
    return result.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  private async scanFolders(): Promise<void> {
    for (const folder of this.service.workspace.folders) {
      // Through the file host: the disk on desktop, the client's workspace.fs on the web.
      const files = await this.service.files.listMarkdownFiles(folder.path, folder.uri);
      for (const file of files.sort()) {
        const uri = pathToUri(file);
        while (performance.now() - this.lastEdit < QUIET_MS) await sleep(QUIET_MS);
        if (!this.fromDisk.has(uri)) await this.readFromDisk(uri);
        await nextTurn();
      }
    }
  }

  private async readFromDisk(uri: string): Promise<void> {
    const file = uriToPath(uri);
    if (file === undefined) return;
    try {
      const settings = await this.service.settings.get(uri);
      // UTF-8 takes at most 3 bytes per UTF-16 unit: a bigger file is over the size cap for sure.
      const read = await this.service.files.readFile(file, settings.maxFileSizeKB * 1024 * 3);
      if (read === undefined) return void this.fromDisk.delete(uri);
      if (!('text' in read) || read.text.slice(0, 8000).includes('\0')) return void this.fromDisk.set(uri, null);
      const text = read.text;
      const state = await this.service.stateOf(uri, text, 'markdown', settings);
      if (!state.isPostmortem) return void this.fromDisk.set(uri, null);
      // In the analysis worker, under the time budget, like every other analysis.
      const entry = await this.service.analyze(TextDocument.create(uri, 'markdown', 0, text), state);
      this.fromDisk.set(uri, (entry && summarize(uri, { ...entry.analysis, postmortem: await this.service.modelOf(entry) })) ?? null);
    } catch {
      // Deleted or unreadable: not in the index.
      this.fromDisk.delete(uri);
    }
  }
}

export function registerWorkspaceIndexSupport(connection: Connection, service: PostmortemService): WorkspaceIndex {
  const index = new WorkspaceIndex(connection, service);
  connection.onRequest(WORKSPACE_INDEX_REQUEST, guardRequest(connection, WORKSPACE_INDEX_REQUEST, async (params: unknown): Promise<WorkspaceIndexResult> => {
    const changed = (params as WorkspaceIndexParams | undefined)?.changed;
    return { postmortems: await index.postmortems({ changed: Array.isArray(changed) ? changed : undefined }) };
  }));
  return index;
}
