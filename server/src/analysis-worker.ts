// The analysis worker thread (dist/analysis-worker.cjs): loads the engine bundle beside it and
// answers AnalysisJobs requests one at a time. Its parse caches live here, not on the thread that
// speaks LSP; when an analysis runs over budget the whole thread is terminated (node/worker-pool.ts).
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { AnalysisJobs, withoutText, type AnalysisEngine, type AnalysisRequest, type AnalyzeResult, type WorkerMessage, type WorkerReply } from './node/analysis-jobs.js';
import { ProblemRecord } from './node/problem-delta.js';
import { TextRecord } from './node/text-delta.js';
import type { KnownChange } from './core/parse/text-change.js';

/** Below this a model crosses with its analysis (a few ms); a bigger one waits to be asked for. */
const MODEL_INLINE_CHARS = 64 * 1024;
// A local name rather than `require`, so the bundler leaves the call alone (the engine is its own bundle).
const load = createRequire(import.meta.url);

if (parentPort) {
  const port = parentPort;
  let current = 0;
  // The problems of open documents go across as a delta on the ones sent before (node/problem-delta.ts).
  const sent = new ProblemRecord();
  // Open documents' texts come as edits on the ones before (node/text-delta.ts).
  const texts = new TextRecord();
  const asDelta = (request: AnalysisRequest, result: unknown, came: KnownChange | undefined): unknown => {
    if (request.kind !== 'analyze' || !request.keepCache) return result;
    const { analysis } = result as AnalyzeResult;
    const { problems, shift } = sent.encode(request.uri, request.text, analysis.problems, came);
    return shift ? { ...(result as AnalyzeResult), analysis: { ...analysis, problems }, problemsShift: shift } : result;
  };
  // Posted from inside the analysis: the port sends at once, without waiting for this thread's event loop.
  const jobs = new AnalysisJobs(load('./engine.cjs') as AnalysisEngine, () => port.postMessage({ progress: current } satisfies WorkerReply), MODEL_INLINE_CHARS);
  port.on('message', (message: WorkerMessage) => {
    if ('forget' in message) {
      jobs.forget(message.forget);
      sent.forget(message.forget);
      texts.forget(message.forget);
      return;
    }
    let reply: WorkerReply;
    current = message.id;
    let { request } = message;
    let came: KnownChange | undefined;
    if (request.kind === 'analyze' && request.keepCache) {
      const text = texts.decode(request.uri, message.id, request.text, message.edit);
      if (text === undefined) return port.postMessage({ id: message.id, resend: true } satisfies WorkerReply);
      request = { ...request, text };
      came = texts.changeOf(request.uri);
    }
    try {
      reply = { id: message.id, ok: true, result: asDelta(request, withoutText(jobs.run(request, came), request.text), came) };
    } catch (error) {
      reply = { id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  // Jobs are timed from here on: loading the engine is not any document's fault.
  port.postMessage({ ready: true });
}
