import type { Postmortem, Section, Template } from '../types.js';
import { indexTemplate } from '../template-index.js';
import { parseMarkdown, type ParseCache } from './markdown.js';
import { blocksOf } from './blocks.js';
import { computeLineStarts } from './lines.js';
import { buildSections, readHeadings } from './sections.js';
import { readDirectives } from './directives.js';
import { buildMetadata, frontMatterSources, readFrontMatter, readMetaLines, type MetadataSource } from './metadata.js';
import { TimelineReader } from './timeline.js';
import { readActionItems } from './actions.js';

export interface ParseOptions {
  /** Trees of unchanged pieces are reused from here: an edit re-parses only what it touched. */
  cache?: ParseCache;
  /**
   * False parses the document in one go (the reference the incremental parse must equal); true cuts
   * it into pieces; unset cuts it when a cache is given or the document is large (the faster way).
   */
  incremental?: boolean;
}

/** Parses a postmortem into the model every rule and view reads. */
export function parsePostmortem(text: string, template: Template, options: ParseOptions = {}): Postmortem {
  const { pieces } = parseMarkdown(text, options);
  const blocks = blocksOf(pieces);
  const index = indexTemplate(template);
  const { sections, all, title } = buildSections(readHeadings(blocks, text), text.length, index);
  const first = blocks[0];
  const frontMatter = readFrontMatter(first?.node, first?.shift ?? 0);

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
  const metadata = buildMetadata([...metaSources, ...frontMatterSources(frontMatter)], template.timeline.defaultTimeZone);

  const timeline = new TimelineReader(text, metadata, template.timeline.defaultTimeZone);
  const actionItems: Postmortem['actionItems'] = [];
  let headingsSeen = 0;
  // Every timeline heading is read in order, even one with no content ("### June 11" sets the day).
  const readHeadingsUpTo = (end: number) => {
    for (; headingsSeen < end; headingsSeen++) if (all[headingsSeen].kind === 'timeline') timeline.heading(all[headingsSeen]);
  };
  blocks.forEach(({ node, shift }, i) => {
    const section = owners[i];
    if (!section) return;
    readHeadingsUpTo(ownerIndex[i] + 1);
    if (section.kind === 'timeline') timeline.node(node, shift, section);
    else if (section.kind === 'actions' && node.type === 'list') {
      actionItems.push(...readActionItems(node, section, text, shift, template.tags));
    }
  });
  readHeadingsUpTo(all.length);

  const fmTitle = frontMatter?.data?.title;
  return {
    text,
    title: title
      ? { value: title.title, text: title.title, range: title.range }
      : typeof fmTitle === 'string' && frontMatter
        ? { value: fmTitle, text: fmTitle, range: frontMatter.range }
        : undefined,
    frontMatter,
    metadata,
    sections,
    allSections: all,
    timeline: timeline.entries,
    actionItems,
    directives: readDirectives(pieces),
    lineStarts: computeLineStarts(text),
  };
}
