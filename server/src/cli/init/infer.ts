// Infers a team's template from its postmortems: the section titles most files use (variants that
// never appear together at the same place become aliases), their usual order and levels, which
// section holds the timeline and which the action items, the tags, and the zone the team states.
// Pure: texts in, a template out.
import { parsePostmortem, type Postmortem, type Section, type Template, type TemplateSection } from '../../core/index.js';

/** A zone no team states: entries read in it name no zone of their own. */
const UNSTATED_ZONE = 'Pacific/Chatham';
/** Sections in at least this share of the files are required; at least OPTIONAL, optional. */
const REQUIRED = 0.8;
const OPTIONAL = 0.15;

interface Occurrence {
  doc: number;
  title: string;
  level: number;
  /** Position among its siblings, 0 (first) to 1 (last). */
  position: number;
  parent: string | null;
  body: string;
}

interface Group {
  key: string;
  occurrences: Occurrence[];
  docs: Set<number>;
}

export interface Inference {
  template: Template;
  /** Rules to turn off because the files do not do what they check (tags, when no file tags its items). */
  rulesOff: string[];
  files: number;
}

const NEUTRAL: Template = { name: 'neutral', sections: [], tags: [], timeline: { order: 'ascending', defaultTimeZone: UNSTATED_ZONE } };

/** Compared forms: "Follow-ups" and "Follow ups" are one title; so are "Lesson" and "Lessons". */
const compact = (key: string) => key.replace(/[^\p{L}\p{N}]+/gu, '').replace(/s$/, '');

export function inferTemplate(texts: readonly { file: string; text: string }[], name: string): Inference {
  const parsed = texts.map(({ file, text }) => parsePostmortem(text, NEUTRAL, { fileName: file }));
  const groups = mergeAliases(groupSections(parsed), parsed.length);
  const kept = groups.filter((g) => g.docs.size / parsed.length >= OPTIONAL || (g.occurrences[0].parent !== null && g.docs.size >= 2));
  const sections = buildSections(kept, null, parsed.length);
  markKinds(sections, kept);
  const tags = inferTags(kept, sections);
  const draft: Template = { name, description: `Inferred by postmortem-lint init from ${parsed.length} postmortems.`, ordered: true, sections, tags: tags.length ? tags : ['TODO'], timeline: { order: 'ascending', defaultTimeZone: UNSTATED_ZONE } };
  const reparsed = texts.map(({ file, text }) => parsePostmortem(text, draft, { fileName: file }));
  const template: Template = {
    ...draft,
    ordered: orderedShare(reparsed, sections) >= REQUIRED,
    timeline: { order: timelineOrder(reparsed), defaultTimeZone: statedZone(reparsed) ?? 'UTC' },
  };
  return { template, rulesOff: tags.length ? [] : ['action-item-untagged', 'action-item-unknown-tag'], files: parsed.length };
}

function groupSections(parsed: readonly Postmortem[]): Group[] {
  const byKey = new Map<string, Group>();
  parsed.forEach((postmortem, doc) => {
    const visit = (siblings: readonly Section[], parent: string | null) => {
      siblings.forEach((section, i) => {
        const key = compact(section.key);
        if (!key) return;
        const group = byKey.get(key) ?? { key, occurrences: [], docs: new Set<number>() };
        byKey.set(key, group);
        const bodyEnd = section.children[0]?.headingRange.start ?? section.bodyRange.end;
        group.occurrences.push({ doc, title: section.title, level: section.level, position: siblings.length > 1 ? i / (siblings.length - 1) : 0, parent, body: postmortem.text.slice(section.bodyRange.start, bodyEnd) });
        group.docs.add(doc);
        visit(section.children, key);
      });
    };
    visit(postmortem.sections, null);
  });
  return [...byKey.values()].sort((a, b) => b.docs.size - a.docs.size || (a.key < b.key ? -1 : 1));
}

const mode = <T>(values: readonly T[]): T => {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
};
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const parentOf = (g: Group) => mode(g.occurrences.map((o) => o.parent));

/**
 * A rarer title is a variant of a commoner one when the two (almost) never appear in the same file,
 * sit under the same parent at about the same place, and are written at the same level.
 */
function mergeAliases(groups: Group[], files: number): (Group & { aliases: string[] })[] {
  const merged: (Group & { aliases: string[] })[] = [];
  for (const group of groups) {
    const host = merged.find((m) => {
      const together = [...group.docs].filter((d) => m.docs.has(d)).length;
      return (
        together <= Math.max(1, group.docs.size * 0.02) &&
        parentOf(m) === parentOf(group) &&
        mode(m.occurrences.map((o) => o.level)) === mode(group.occurrences.map((o) => o.level)) &&
        Math.abs(mean(m.occurrences.map((o) => o.position)) - mean(group.occurrences.map((o) => o.position))) <= 0.15 &&
        m.docs.size + group.docs.size <= files * 1.02
      );
    });
    if (!host) {
      merged.push({ ...group, aliases: [] });
      continue;
    }
    host.occurrences.push(...group.occurrences);
    group.docs.forEach((d) => host.docs.add(d));
    host.aliases.push(mode(group.occurrences.map((o) => o.title)));
  }
  // Children of a merged parent name it by its surviving key.
  const renamed = new Map<string, string>();
  for (const m of merged) for (const o of m.occurrences) if (o.parent !== null) renamed.set(o.parent, o.parent);
  for (const group of groups) {
    const host = merged.find((m) => m.occurrences.some((o) => compactTitleOf(o) === group.key));
    if (host) renamed.set(group.key, host.key);
  }
  for (const m of merged) for (const o of m.occurrences) if (o.parent !== null) o.parent = renamed.get(o.parent) ?? o.parent;
  return merged;
}

const compactTitleOf = (o: Occurrence) => compact(o.title.toLowerCase().replace(/\s*\([^()]{0,60}\)\s*$/, '').replace(/&/g, 'and').replace(/[\s:.?!]+$/, ''));

interface Built extends TemplateSection {
  key: string;
}

function buildSections(groups: readonly (Group & { aliases?: string[] })[], parent: string | null, files: number): Built[] {
  const mine = groups.filter((g) => parentOf(g) === parent);
  const parentDocs = parent === null ? files : (groups.find((g) => g.key === parent)?.docs.size ?? files);
  return mine
    .filter((g) => parent !== null || g.docs.size / files >= OPTIONAL)
    .sort((a, b) => mean(a.occurrences.map((o) => o.position)) - mean(b.occurrences.map((o) => o.position)))
    .map((g) => {
      const title = mode(g.occurrences.filter((o) => compactTitleOf(o) === g.key).map((o) => o.title).concat(g.occurrences[0].title));
      const section: Built = { key: g.key, title, level: mode(g.occurrences.map((o) => o.level)) };
      if (g.aliases?.length) section.aliases = [...new Set(g.aliases)];
      if (g.docs.size / parentDocs < REQUIRED) section.required = false;
      const children = buildSections(groups, g.key, files);
      if (children.length) section.sections = children;
      return section;
    });
}

const TIMED_LINE = /^\s*(?:[-*+]|\d+[.)]|\|)\s*(?:\*\*|__)?\s*(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}\b/;
const ACTION_LINE = /^\s*(?:(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+|\*\*[^*\n]{1,30}:\*\*)|\|\s*(?:\[[ xX]\]\s*)?\*\*[^*\n]{1,30}:\*\*)/;

/** The section whose body is most often a list of times is the timeline; of tagged or checkbox items, the actions. */
function markKinds(sections: Built[], groups: readonly Group[]): void {
  const flat = (list: Built[]): Built[] => list.flatMap((s) => [s, ...flat((s.sections as Built[]) ?? [])]);
  const score = (section: Built, pattern: RegExp) => {
    const group = groups.find((g) => g.key === section.key)!;
    const votes = group.occurrences.filter((o) => o.body.split('\n').filter((line) => pattern.test(line)).length >= 2).length;
    return votes / group.docs.size;
  };
  for (const [kind, pattern] of [['timeline', TIMED_LINE], ['actions', ACTION_LINE]] as const) {
    const best = flat(sections)
      .filter((s) => !s.kind)
      .map((s) => ({ s, score: score(s, pattern) }))
      .sort((a, b) => b.score - a.score)[0];
    if (best && best.score >= 0.5) best.s.kind = kind;
  }
}

// A list item or a table row that starts with a bold label.
const TAG = /^\s*(?:(?:[-*+]|\d+[.)])\s+|\|\s*)(?:\[[ xX]\]\s+)?\*\*([^*:\n]{1,30}):\*\*/;

/** Labels the action items start with, commonest first; a label used fewer than three times is a typo, not a tag. */
function inferTags(groups: readonly Group[], sections: Built[]): string[] {
  const flat = (list: Built[]): Built[] => list.flatMap((s) => [s, ...flat((s.sections as Built[]) ?? [])]);
  const actionKeys = new Set(flat(sections).filter((s) => s.kind === 'actions').map((s) => s.key));
  const counts = new Map<string, number>();
  for (const g of groups) {
    if (!actionKeys.has(g.key)) continue;
    for (const o of g.occurrences) for (const line of o.body.split('\n')) {
      const tag = TAG.exec(line)?.[1].trim();
      if (tag) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  }
  return [...counts.entries()].filter(([, n]) => n >= 3).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([tag]) => tag);
}

/** Share of files whose known sections come in the template's order. */
function orderedShare(parsed: readonly Postmortem[], sections: readonly Built[]): number {
  const rank = new Map(sections.map((s, i) => [s.title, i]));
  const inOrder = parsed.filter((p) => {
    const ranks = p.sections.map((s) => (s.template ? rank.get(s.template.title) : undefined)).filter((r): r is number => r !== undefined);
    return ranks.every((r, i) => i === 0 || ranks[i - 1] <= r);
  });
  return parsed.length ? inOrder.length / parsed.length : 1;
}

function timelineOrder(parsed: readonly Postmortem[]): 'ascending' | 'descending' {
  let descending = 0;
  let ascending = 0;
  for (const p of parsed) {
    const instants = p.timeline.filter((e) => e.instant !== null && !e.dateOnly).map((e) => e.instant!);
    let steps = 0;
    for (let i = 1; i < instants.length; i++) steps += Math.sign(instants[i] - instants[i - 1]);
    if (steps < 0) descending++;
    else if (steps > 0) ascending++;
  }
  return descending > ascending ? 'descending' : 'ascending';
}

/** The zone most files state (in the Duration, the timeline heading or a line above the entries). */
function statedZone(parsed: readonly Postmortem[]): string | undefined {
  const stated: string[] = [];
  for (const p of parsed) {
    const zones = [p.metadata.duration?.zone, ...p.timeline.map((e) => e.zone)].filter((z): z is string => !!z && z !== UNSTATED_ZONE);
    if (zones.length) stated.push(mode(zones));
  }
  return stated.length ? mode(stated) : undefined;
}

/** The template as JSON, without the inference's bookkeeping. */
export function templateJson(template: Template): Record<string, unknown> {
  const strip = (sections: readonly TemplateSection[]): TemplateSection[] =>
    sections.map(({ title, aliases, required, level, kind, sections: children }) => ({
      title,
      ...(aliases ? { aliases } : {}),
      ...(required === false ? { required } : {}),
      ...(level !== undefined ? { level } : {}),
      ...(kind ? { kind } : {}),
      ...(children?.length ? { sections: strip(children) } : {}),
    }));
  return { name: template.name, description: template.description, ordered: template.ordered, sections: strip(template.sections), tags: template.tags, timeline: template.timeline };
}
