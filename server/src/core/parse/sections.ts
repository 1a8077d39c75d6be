import type { Heading } from 'mdast';
import type { Block } from './blocks.js';
import { plainText } from './text.js';
import type { Range, Section } from '../types.js';
import type { TemplateEntry, TemplateIndex } from '../template-index.js';
import { normalizeTitle } from './titles.js';
import { parseTimestamp } from '../time/index.js';

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
  const first = headings[0];
  // The title is the first heading when it is an H1, or above every heading after it ("## Report"
  // over "### Impact" sections).
  if (first && !index.byKey.has(normalizeTitle(first.title)) && (first.level === 1 || (headings.length > 1 && headings.slice(1).every((h) => h.level > first.level)))) {
    title = first;
    rest = headings.slice(1);
  }
  const dateOrder = index.template.timeline.dateOrder;
  /** The timeline section that date and time headings continue ("## May 12" after "## Timeline"). */
  let timeline: Section | undefined;
  const all: Section[] = [];
  const roots: Section[] = [];
  const open: Section[] = [];
  const close = (section: Section, end: number) => {
    section.range.end = end;
    section.bodyRange.end = end;
  };
  for (const heading of rest) {
    const key = normalizeTitle(heading.title);
    const continues = timeline !== undefined && !index.byKey.has(key) && parseTimestamp(heading.title, { allowBareHHMM: true, dateOrder }) !== null;
    if (continues) {
      while (open[open.length - 1] !== timeline) close(open.pop()!, heading.range.start);
    } else {
      // A heading ends every open section of the same or a deeper level.
      while (open.length && open[open.length - 1].level >= heading.level) close(open.pop()!, heading.range.start);
      if (timeline && !open.includes(timeline)) timeline = undefined;
    }
    const parent = open[open.length - 1];
    const section: Section = {
      title: heading.title,
      key,
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
    matchTemplate(section, index, title ? title.level - 1 : 0);
    if (section.kind === 'timeline' && !timeline) timeline = section;
  }
  return { sections: roots, all, title };
}

function matchTemplate(section: Section, index: TemplateIndex, headingOffset: number): void {
  const candidates = index.byKey.get(section.key);
  const parentEntry = section.parent?.template && index.entryOf(section.parent.template);
  let match: TemplateEntry | undefined;
  if (candidates?.length) {
    // A child title that also exists elsewhere belongs to the parent it is written under. A
    // top-level title under another section is that section when it sits at the template's level
    // (the parent is the one written too high) or one level too deep under a top-level or unknown
    // section; under Action Items ("### Detection"), a subsection, or deeper in an appendix
    // ("#### Summary"), it is content.
    const parent = section.parent;
    const parentIsChild = parent?.template !== undefined && index.entryOf(parent.template)?.parent !== undefined;
    const topLevel = (entry: TemplateEntry) =>
      !parent || section.level <= entry.level + headingOffset || (parent.kind !== 'actions' && !parentIsChild && section.level === parent.level + 1);
    match = candidates.find((entry) => entry.parent && entry.parent === parentEntry) ?? candidates.find((entry) => entry.parent || topLevel(entry));
  }
  if (match) {
    section.template = match.section;
    section.kind = match.kind;
  } else if (section.parent) {
    // A sub-heading inside the timeline ("### June 10") is still timeline.
    section.kind = section.parent.kind;
  }
}
