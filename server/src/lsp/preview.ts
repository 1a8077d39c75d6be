// Serves `postmortem/preview`: the preview body of a document, from the same analysis its diagnostics use.
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { Analysis, AnalyzeOptions, renderPreviewBody } from '../engine-entry.js';
import { PREVIEW_REQUEST, type PreviewParams, type PreviewResult } from '../preview/protocol.js';
import { engine } from './engine.js';
import { guardRequest, requireUri } from './guard.js';
import { TIMEOUT_SETTING, type PostmortemService } from './service.js';
import { timeoutProblem } from '../node/analysis-jobs.js';
import { uriToPath } from './workspace.js';

/** Where the preview gets its text, analysis and renderer; the service and engine in the server, stubs in tests. */
export interface PreviewSource {
  text(uri: string): string | undefined;
  analyze(uri: string, text: string): Promise<Analysis>;
  render: typeof renderPreviewBody;
}

export function registerPreviewSupport(connection: Connection, service: PostmortemService): void {
  const source: PreviewSource = {
    text: (uri) => service.documents.get(uri)?.getText(),
    analyze: async (uri, text) => {
      const live = service.documents.get(uri);
      // The usual case: the client sends what the server already has, analysed (and cached) for diagnostics.
      const cached = live && live.getText() === text ? await service.analysisOf(live) : undefined;
      if (cached) return { ...cached.analysis, postmortem: await service.modelOf(cached) };
      // Not a postmortem by `postmortem.files`, but the user asked to preview it: use the config that would apply.
      const settings = await service.settings.get(uri);
      const resolved = (await service.configs.forPath(uriToPath(uri), settings)).resolved;
      const options: AnalyzeOptions = { template: resolved.template, rules: resolved.rules, maxFileSizeKB: settings.maxFileSizeKB, fileName: decodeURIComponent(uri.split('/').pop() ?? '') };
      // In the worker, under the budget; its own key, so it supersedes no analysis of the document.
      const outcome = await service.runner.run({ kind: 'analyze', uri: `${uri}#preview`, text, options, timeoutMs: settings.analysisTimeoutMs, keepCache: false });
      if (outcome.status === 'done') return outcome.value.analysis;
      const problem = outcome.status === 'timeout'
        ? timeoutProblem(outcome.ms, TIMEOUT_SETTING)
        : { rule: engine().INTERNAL_ERROR, severity: 'warning' as const, message: `This file could not be analysed (${outcome.status === 'failed' ? outcome.message : 'superseded'}).`, range: { start: 0, end: 0 }, fixes: [] };
      return { postmortem: null, template: resolved.template, problems: [problem] };
    },
    // The renderer lives in the engine bundle with unified, loaded on first use.
    render: (...args) => engine().renderPreviewBody(...args),
  };
  connection.onRequest(PREVIEW_REQUEST, guardRequest(connection, PREVIEW_REQUEST, (params: unknown, token?: CancellationToken) => answerPreview(params, source, token)));
}

export async function answerPreview(raw: unknown, source: PreviewSource, token?: CancellationToken): Promise<PreviewResult | null> {
  const uri = requireUri(raw);
  const params = raw as PreviewParams;
  const text = typeof params.text === 'string' ? params.text : source.text(uri);
  if (text === undefined) return null;
  const analysis = await source.analyze(uri, text);
  // A newer keystroke already asked again: skip the render nobody will see.
  if (token?.isCancellationRequested) return null;
  return source.render(text, analysis, { allowRemoteImages: params.allowRemoteImages === true, interactive: true });
}
