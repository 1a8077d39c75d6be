// Whether a Markdown file is a postmortem by its content: a cheap look at the first few KB, no parse.
// Runs before the engine is loaded, so it must stay dependency-free.

const HEAD_LENGTH = 4096;
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const TYPE_LINE = /^type[ \t]*:[ \t]*["']?post[- ]?mortem["']?[ \t]*(?:#.*)?$/im;
const POSTMORTEM_WORDS = /\b(?:post[- ]?mortem|incident report|retrospective)\b/i;
const ATX = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Front matter `type: postmortem`, or a first heading that says Postmortem, Incident Report or Retrospective. */
export function looksLikePostmortem(text: string): boolean {
  const head = text.slice(0, HEAD_LENGTH);
  const frontMatter = FRONT_MATTER.exec(head);
  if (frontMatter && TYPE_LINE.test(frontMatter[1])) return true;
  const heading = firstHeading(frontMatter ? head.slice(frontMatter[0].length) : head);
  return heading !== undefined && POSTMORTEM_WORDS.test(heading);
}

/** The text of the first ATX or setext heading outside code fences. */
export function firstHeading(text: string): string | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  let fence: string | undefined;
  let previous = '';
  for (const line of lines) {
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      previous = '';
      continue;
    }
    if (marker) {
      fence = marker;
      previous = '';
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) return atx[1] ?? '';
    if (previous.trim() !== '' && SETEXT_UNDERLINE.test(line)) return previous.trim();
    previous = line;
  }
  return undefined;
}
