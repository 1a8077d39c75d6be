import type { RootContent } from 'mdast';
import type { Postmortem, Section, Template } from '../types.js';
import { indexTemplate } from '../template-index.js';
import { parseMarkdown, type ParseCache } from './markdown.js';
import { blocksOf } from './blocks.js';
import { computeLineStarts } from './lines.js';
import { buildSections, readHeadings } from './sections.js';
import { readDirectives } from './directives.js';
import { buildMetadata, frontMatterSources, readFrontMatter, readMetaLines, type MetadataSource } from './metadata.js';
import { TimelineReader } from './timeline/reader.js';
import { timelineStart } from './timeline/start.js';
import { readTimelineDirection } from './timeline/direction.js';
import { headingTagOf, readActionItems } from './actions.js';
import { readActionItemsOnce } from './action-cache.js';
import { readActionTable } from './action-table.js';
import { readVerbatim } from './verbatim.js';

export interface ParseOptions {
  /** Trees of unchanged pieces are reused from here: an edit re-parses only what it touched. */
  cache?: ParseCache;
  /**
   * False parses the document in one go (the reference the incremental parse must equal); true cuts
   * it into pieces; unset cuts it when a cache is given or the document is large (the faster way).
   */
  incremental?: boolean;
  /** The file's name or path: a date in it (2025-05-12-dns.md) dates a timeline that names no year. */
  fileName?: string;
}

/** Parses a postmortem into the model every rule and view reads. */
export function parsePostmortem(text: string, template: Template, options: ParseOptions = {}): Postmortem {
  const { pieces } = parseMarkdown(text, options);
  const blocks = blocksOf(pieces);
  const index = indexTemplate(template);
  const { sections, all, title } = buildSections(readHeadings(blocks, text), text.length, index);
  const first = blocks[0];
  const frontMatter = readFrontMatter(first?.node, first?.shift ?? 0, text);

  // Which section owns each top-level block: the last heading before it.
  const owners: (Section | undefined)[] = [];
  const ownerIndex: number[] = [];
  let next = 0;
  for (const { node, shift } of blocks) {
    const start = (node.position?.start.offset ?? 0) + shift;
    while (next < all.length && all[next].headingRange.start <= start) next++;
    owners.push(all[next - 1]);
    ownerIndex.push(next - 1);
  }

  const metaSources: MetadataSource[] = [];
  blocks.forEach(({ node, shift }, i) => {
    const kind = owners[i]?.kind ?? 'text';
    // Lists carry metadata only above the first section; elsewhere they are content.
    if (kind === 'text' && (node.type === 'paragraph' || !owners[i])) metaSources.push(...readMetaLines(node, shift, text));
  });
  const metadata = buildMetadata([...metaSources, ...frontMatterSources(frontMatter, text)], template.timeline.defaultTimeZone, template.timeline.dateOrder);

  const fmTitle = frontMatter?.data?.title;
  const documentTitle: Postmortem['title'] = title
    ? { value: title.title, text: title.title, range: title.range }
    : typeof fmTitle === 'string' && frontMatter
      ? { value: fmTitle, text: fmTitle, range: frontMatter.range }
      : undefined;
  const timelineDirection = readTimelineDirection(pieces, frontMatter);
  const settings = template.timeline;
  const start = timelineStart(metadata, { title: documentTitle, frontMatter }, settings.defaultTimeZone, options.fileName);
  const timeline = new TimelineReader(text, start, settings, timelineDirection?.order ?? settings.order);
  const actionItems: Postmortem['actionItems'] = [];
  // A due date without a year is in the incident's year.
  const incidentStart = metadata.duration?.start ?? metadata.date?.value ?? null;
  let headingsSeen = 0;
  // Every timeline heading is read in order, even one with no content ("### June 11" sets the day).
  const readHeadingsUpTo = (end: number) => {
    for (; headingsSeen < end; headingsSeen++) {
      const section = all[headingsSeen];
      if (section.kind === 'timeline') timeline.heading(section, section.children[0]?.headingRange.start ?? section.range.end);
    }
  };
  // Lists outside the timeline that read as one, for a document without a timeline section.
  const loose: { node: RootContent; shift: number; section: Section; index: number }[] = [];
  const aboveHeadings = documentSection(text);
  blocks.forEach(({ node, shift }, i) => {
    const section = owners[i];
    readHeadingsUpTo(ownerIndex[i] + 1);
    if (section?.kind === 'timeline') timeline.node(node, shift, section);
    else if (section?.kind === 'actions') {
      if (node.type === 'list') actionItems.push(...(options.cache ? readActionItemsOnce : readActionItems)(node, section, text, shift, template.tags, incidentStart));
      else if (node.type === 'table') actionItems.push(...readActionTable(node, section, text, shift, template.tags, headingTagOf(section, template.tags), incidentStart));
    } else if (node.type === 'list') {
      if (section) timeline.labelled(node, shift, section);
      loose.push({ node, shift, section: section ?? aboveHeadings, index: i });
    }
  });
  readHeadingsUpTo(all.length);
  if (timeline.entries.length === 0 && !all.some((s) => s.kind === 'timeline')) {
    // Adjacent lists in one section are one run: a long list is parsed in pieces, and must be
    // judged, and read, as a whole.
    const runs: (typeof loose)[] = [];
    for (const list of loose) {
      const last = runs[runs.length - 1]?.at(-1);
      if (last && last.index === list.index - 1 && last.section === list.section) runs[runs.length - 1].push(list);
      else runs.push([list]);
    }
    const found = runs.find((run) => timeline.looksLikeTimeline(run, blocks[run[0].index - 1]?.node));
    for (const { node, shift, section } of found ?? []) timeline.node(node, shift, section);
  }

  return {
    text,
    title: documentTitle,
    frontMatter,
    metadata,
    sections,
    allSections: all,
    headingOffset: title ? title.level - 1 : 0,
    timeline: timeline.entries,
    timelineDates: timeline.dates,
    ...(timelineDirection && { timelineDirection }),
    actionItems,
    directives: readDirectives(pieces, text),
    verbatim: readVerbatim(blocks),
    lineStarts: computeLineStarts(text),
  };
}

/** Stands for "no section" where a timeline list sits above every heading. */
function documentSection(text: string): Section {
  const range = { start: 0, end: text.length };
  return { title: '', key: '', level: 0, headingRange: { start: 0, end: 0 }, range, bodyRange: range, style: 'atx', children: [], kind: 'timeline' };
}
