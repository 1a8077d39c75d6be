// An open document's text goes to the analysis worker as the edit since the text posted before:
// posting 1 MB per keystroke copied it twice (out of this thread, into the worker) for a change of
// one character. Import-free but for core's text-change.ts: the pool (worker-pool.ts) encodes,
// the worker (analysis-worker.ts) decodes. An edit names the job whose text it applies to; a worker that does not hold that text
// asks for the whole text again, so the two records never need to be kept in step by hand.
import { textChange, type KnownChange, type TextChange } from '../core/parse/text-change.js';

/** The text is base[0, start) + insert + base[end, ∞), base being the text of job `base`. */
export interface TextEdit {
  base: number;
  start: number;
  end: number;
  insert: string;
}

/** The one replacement that turns `before` into `after`: their common prefix and suffix left out. */
export function editBetween(before: string, after: string): Omit<TextEdit, 'base'> {
  const { from, oldEnd, newEnd } = textChange(before, after);
  return { start: from, end: oldEnd, insert: after.slice(from, newEnd) };
}

const changeMadeBy = (edit: TextEdit): TextChange => ({ from: edit.start, oldEnd: edit.end, newEnd: edit.start + edit.insert.length });

/** Per document, the last text posted or received and the job it came with. */
export class TextRecord {
  private readonly last = new Map<string, { job: number; text: string; came?: KnownChange }>();

  /** The pool's side: the edit to post for job `job`'s `text`, or undefined to post the text whole. */
  encode(uri: string, job: number, text: string): TextEdit | undefined {
    const before = this.last.get(uri);
    const edit = before && { base: before.job, ...editBetween(before.text, text) };
    this.last.set(uri, { job, text, came: before && edit && { before: before.text, change: changeMadeBy(edit) } });
    return edit;
  }

  /** The worker's side: job `job`'s text, or undefined when the edit is on a text it does not hold (the pool then posts it whole). */
  decode(uri: string, job: number, text: string, edit: TextEdit | undefined): string | undefined {
    let came: KnownChange | undefined;
    if (edit) {
      const before = this.last.get(uri);
      if (!before || before.job !== edit.base || edit.end > before.text.length) return undefined;
      text = before.text.slice(0, edit.start) + edit.insert + before.text.slice(edit.end);
      came = { before: before.text, change: changeMadeBy(edit) };
    }
    this.last.set(uri, { job, text, came });
    return text;
  }

  /**
   * How the document's latest text came from the one before, when it went across as an edit: the
   * pool computed the edit as the texts' common prefix and suffix (editBetween), so it is the
   * change `textChange` would find, and neither side need compare the texts again.
   */
  changeOf(uri: string): KnownChange | undefined {
    return this.last.get(uri)?.came;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
