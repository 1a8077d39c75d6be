// The per-file template choice: `template: <name>` in a document's YAML front matter. Read before
// the document is analysed (the template decides how it is parsed), so it looks only at the head.
import { parseDocument } from 'yaml';

const HEAD_LENGTH = 4096;
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** The `template:` the front matter names (trimmed), or undefined when there is none or it is not a string. */
export function frontMatterTemplate(text: string): string | undefined {
  const block = FRONT_MATTER.exec(text.slice(0, HEAD_LENGTH))?.[1];
  // Cheap test first: most documents have front matter without a template key, or none at all.
  if (block === undefined || !/^template[ \t]*:/m.test(block)) return undefined;
  let data: unknown;
  try {
    const parsed = parseDocument(block, { prettyErrors: false, logLevel: 'silent' });
    // Half-typed YAML (`template: "goo`): the file keeps its configured template meanwhile.
    if (parsed.errors.length > 0) return undefined;
    data = parsed.toJS({ maxAliasCount: 50 });
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const value = (data as Record<string, unknown>).template;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
