// An open document's text goes to the analysis worker as the edit since the text posted before:
// posting 1 MB per keystroke copied it twice (out of this thread, into the worker) for a change of
// one character. Import-free: the pool (worker-pool.ts) encodes, the worker (analysis-worker.ts)
// decodes. An edit names the job whose text it applies to; a worker that does not hold that text
// asks for the whole text again, so the two records never need to be kept in step by hand.

/** The text is base[0, start) + insert + base[end, ∞), base being the text of job `base`. */
export interface TextEdit {
  base: number;
  start: number;
  end: number;
  insert: string;
}

const CHUNK = 4096;

/** The one replacement that turns `before` into `after`: their common prefix and suffix left out. */
export function editBetween(before: string, after: string): Omit<TextEdit, 'base'> {
  const n = Math.min(before.length, after.length);
  let start = 0;
  // Chunks compared natively first: a character loop over 1 MB costs a millisecond or two.
  while (start + CHUNK <= n && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < n && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  const most = n - start;
  while (tail + CHUNK <= most && before.slice(before.length - tail - CHUNK, before.length - tail) === after.slice(after.length - tail - CHUNK, after.length - tail)) tail += CHUNK;
  while (tail < most && before.charCodeAt(before.length - tail - 1) === after.charCodeAt(after.length - tail - 1)) tail++;
  return { start, end: before.length - tail, insert: after.slice(start, after.length - tail) };
}

/** Per document, the last text posted or received and the job it came with. */
export class TextRecord {
  private readonly last = new Map<string, { job: number; text: string }>();

  /** The pool's side: the edit to post for job `job`'s `text`, or undefined to post the text whole. */
  encode(uri: string, job: number, text: string): TextEdit | undefined {
    const before = this.last.get(uri);
    this.last.set(uri, { job, text });
    return before && { base: before.job, ...editBetween(before.text, text) };
  }

  /** The worker's side: job `job`'s text, or undefined when the edit is on a text it does not hold (the pool then posts it whole). */
  decode(uri: string, job: number, text: string, edit: TextEdit | undefined): string | undefined {
    if (edit) {
      const before = this.last.get(uri);
      if (!before || before.job !== edit.base || edit.end > before.text.length) return undefined;
      text = before.text.slice(0, edit.start) + edit.insert + before.text.slice(edit.end);
    }
    this.last.set(uri, { job, text });
    return text;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
