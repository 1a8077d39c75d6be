import type { Fix, Postmortem, Section } from '../types.js';
import type { TemplateEntry } from '../template-index.js';
import { detectEol } from '../parse/lines.js';
import { openBlockCloser } from './open-block.js';
import type { ParseCache } from '../parse/markdown.js';

export function findSectionsFor(postmortem: Postmortem, entry: TemplateEntry): Section[] {
  return postmortem.allSections.filter((section) => section.template === entry.section);
}

/** The heading, its placeholder and its required children, as Markdown lines. */
export function sectionMarkdown(entry: TemplateEntry, headingOffset = 0): string[] {
  const children = entry.children.filter((child) => child.required);
  const lines = [`${'#'.repeat(Math.min(entry.level + headingOffset, 6))} ${entry.section.title}`, ''];
  if (entry.section.placeholder && children.length === 0) lines.push(placeholderComment(entry.section.placeholder), '');
  for (const child of children) lines.push(...sectionMarkdown(child, headingOffset));
  return lines;
}

/** An HTML comment: invisible when rendered, and `--` would end it early. */
export function placeholderComment(placeholder: string): string {
  return `<!-- ${placeholder.replace(/--+/g, '—')} -->`;
}

/** Where the template order puts a missing section: after its nearest earlier sibling present, else before the next one. */
export function insertionOffset(postmortem: Postmortem, entry: TemplateEntry): number {
  for (let i = entry.index - 1; i >= 0; i--) {
    const found = findSectionsFor(postmortem, entry.siblings[i]);
    if (found.length) return found[found.length - 1].range.end;
  }
  for (let i = entry.index + 1; i < entry.siblings.length; i++) {
    const found = findSectionsFor(postmortem, entry.siblings[i]);
    if (found.length) return found[0].range.start;
  }
  if (entry.parent) {
    const parents = findSectionsFor(postmortem, entry.parent);
    if (parents.length) return parents[0].range.end;
  }
  return postmortem.text.length;
}

/**
 * Inserts `lines` as a block at a line start, with exactly one blank line around it. `close` is a
 * line that first ends a fence or HTML block left open before `offset` (see openBlockCloser).
 */
export function insertBlock(text: string, offset: number, lines: string[], close: string): Fix['edits'][number] {
  const eol = detectEol(text);
  let prefix = '';
  // A closer follows the open block's last line (a close means text before `offset`).
  if (close) prefix = (/[\r\n]/.test(text.charAt(offset - 1)) ? '' : eol) + close + eol + eol;
  else if (offset > 0 && !text.endsWith(eol + eol, offset)) prefix = text.endsWith(eol, offset) ? eol : eol + eol;
  while (lines.length && lines[lines.length - 1] === '') lines = lines.slice(0, -1);
  const suffix = offset < text.length ? eol + eol : eol;
  return { start: offset, end: offset, newText: prefix + lines.join(eol) + suffix };
}

/** `cache`: the parse cache of the analysis, if any (the fix may parse the document's last section). */
export function insertSectionFix(postmortem: Postmortem, entry: TemplateEntry, cache?: ParseCache): Fix {
  const offset = insertionOffset(postmortem, entry);
  // Only the end of the document can be inside an open block: other offsets are heading starts.
  const close = offset === postmortem.text.length ? openBlockCloser(postmortem, cache) : '';
  return {
    title: `Add section “${entry.section.title}”`,
    edits: [insertBlock(postmortem.text, offset, sectionMarkdown(entry, postmortem.headingOffset), close)],
    isPreferred: true,
  };
}
