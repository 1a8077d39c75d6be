import type { Heading } from 'mdast';
import type { Block } from './blocks.js';
import { plainText } from './text.js';
import type { Range, Section } from '../types.js';
import type { TemplateEntry, TemplateIndex } from '../template-index.js';
import { normalizeTitle } from './titles.js';

export interface HeadingInfo {
  node: Heading;
  title: string;
  level: number;
  range: Range;
  style: 'atx' | 'setext';
}

export function readHeadings(blocks: Block[], text: string): HeadingInfo[] {
  const headings: HeadingInfo[] = [];
  // Only top-level headings make sections; a heading inside a list or quote is content.
  for (const { node, shift } of blocks) {
    if (node.type !== 'heading' || !node.position) continue;
    const start = node.position.start.offset! + shift;
    const end = node.position.end.offset! + shift;
    headings.push({
      node,
      title: plainText(node, { includeHtml: false }).trim(),
      level: node.depth,
      range: { start, end },
      // An ATX heading is one line; a setext heading is its text plus an underline, and that
      // text may itself start with "#" ("#######  x" or "#5" underlined with "---").
      style: /[\r\n]/.test(text.slice(start, end)) ? 'setext' : 'atx',
    });
  }
  return headings;
}

/**
 * Builds the section tree. The first level-1 heading before any other heading is the
 * document's title, not a section, unless the template names it.
 */
export function buildSections(headings: HeadingInfo[], textLength: number, index: TemplateIndex): { sections: Section[]; all: Section[]; title?: HeadingInfo } {
  let title: HeadingInfo | undefined;
  let rest = headings;
  if (headings[0]?.level === 1 && !index.byKey.has(normalizeTitle(headings[0].title))) {
    title = headings[0];
    rest = headings.slice(1);
  }
  const all: Section[] = [];
  const roots: Section[] = [];
  const open: Section[] = [];
  const close = (section: Section, end: number) => {
    section.range.end = end;
    section.bodyRange.end = end;
  };
  for (const heading of rest) {
    // A heading ends every open section of the same or a deeper level.
    while (open.length && open[open.length - 1].level >= heading.level) close(open.pop()!, heading.range.start);
    const parent = open[open.length - 1];
    const section: Section = {
      title: heading.title,
      key: normalizeTitle(heading.title),
      level: heading.level,
      headingRange: heading.range,
      range: { start: heading.range.start, end: textLength },
      bodyRange: { start: heading.range.end, end: textLength },
      style: heading.style,
      children: [],
      kind: 'text',
    };
    if (parent) {
      section.parent = parent;
      parent.children.push(section);
    } else {
      roots.push(section);
    }
    all.push(section);
    open.push(section);
  }
  for (const section of all) matchTemplate(section, index);
  return { sections: roots, all, title };
}

function matchTemplate(section: Section, index: TemplateIndex): void {
  const candidates = index.byKey.get(section.key);
  const parentEntry = section.parent?.template && index.entryOf(section.parent.template);
  let match: TemplateEntry | undefined;
  if (candidates?.length) {
    // A child title that also exists elsewhere belongs to the parent it is written under.
    match = candidates.find((entry) => entry.parent && entry.parent === parentEntry) ?? candidates[0];
  }
  if (match) {
    section.template = match.section;
    section.kind = match.kind;
  } else if (section.parent) {
    // A sub-heading inside the timeline ("### June 10") is still timeline.
    section.kind = section.parent.kind;
  }
}
