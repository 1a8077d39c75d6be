import type { Postmortem, Section, Template } from '../types.js';
import { indexTemplate } from '../template-index.js';
import { parseMarkdown } from './markdown.js';
import { computeLineStarts } from './lines.js';
import { buildSections, readHeadings } from './sections.js';
import { readDirectives } from './directives.js';
import { buildMetadata, frontMatterSources, readFrontMatter, readMetaLines, type MetadataSource } from './metadata.js';
import { TimelineReader } from './timeline.js';
import { readActionItems } from './actions.js';

/** Parses a postmortem into the model every rule and view reads. */
export function parsePostmortem(text: string, template: Template): Postmortem {
  const { tree, shift } = parseMarkdown(text);
  const index = indexTemplate(template);
  const { sections, all, title } = buildSections(readHeadings(tree, shift, text), text.length, index);
  const frontMatter = readFrontMatter(tree, shift);

  // Which section owns each top-level node: the last heading before it.
  const owners: (Section | undefined)[] = [];
  const ownerIndex: number[] = [];
  let next = 0;
  for (const node of tree.children) {
    const start = (node.position?.start.offset ?? 0) + shift;
    while (next < all.length && all[next].headingRange.start <= start) next++;
    owners.push(all[next - 1]);
    ownerIndex.push(next - 1);
  }

  const metaSources: MetadataSource[] = [];
  tree.children.forEach((node, i) => {
    const kind = owners[i]?.kind ?? 'text';
    // Lists carry metadata only above the first section; elsewhere they are content.
    if (kind === 'text' && (node.type === 'paragraph' || !owners[i])) metaSources.push(...readMetaLines(node, shift, text));
  });
  const metadata = buildMetadata([...metaSources, ...frontMatterSources(frontMatter)], template.timeline.defaultTimeZone);

  const timeline = new TimelineReader(text, shift, metadata, template.timeline.defaultTimeZone);
  const actionItems: Postmortem['actionItems'] = [];
  let headingsSeen = 0;
  // Every timeline heading is read in order, even one with no content ("### June 11" sets the day).
  const readHeadingsUpTo = (end: number) => {
    for (; headingsSeen < end; headingsSeen++) if (all[headingsSeen].kind === 'timeline') timeline.heading(all[headingsSeen]);
  };
  tree.children.forEach((node, i) => {
    const section = owners[i];
    if (!section) return;
    readHeadingsUpTo(ownerIndex[i] + 1);
    if (section.kind === 'timeline') timeline.node(node, section);
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
    directives: readDirectives(tree, shift),
    lineStarts: computeLineStarts(text),
  };
}
