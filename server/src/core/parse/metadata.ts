import type { RootContent } from 'mdast';
import { parse as parseYaml } from 'yaml';
import type { DurationMeta, Located, Metadata, Postmortem, Range } from '../types.js';
import { lineAt } from './lines.js';
import { parseDuration, parseTimestamp, toInstant, type DateOrder } from '../time/index.js';

// `**Duration:** value` or `**Duration**: value`, one per line.
const META_LINE = /^[ \t]{0,3}(?:[-*+][ \t]+)?(\*\*|__)([A-Za-z][A-Za-z ]{0,30}?)[ \t]*(:?)\1[ \t]*(:?)[ \t]*(.*)$/;

export interface MetadataSource {
  key: string;
  value: string;
  range: Range;
}

/** `**Key:** value` lines of a top-level paragraph or list. */
export function readMetaLines(node: RootContent, shift: number, text: string): MetadataSource[] {
  if ((node.type !== 'paragraph' && node.type !== 'list') || !node.position) return [];
  const start = node.position.start.offset! + shift;
  const end = node.position.end.offset! + shift;
  const found: MetadataSource[] = [];
  let lineStart = start;
  while (lineStart < end) {
    const { lineEnd, next } = lineAt(text, lineStart, end);
    const line = text.slice(lineStart, lineEnd);
    const match = META_LINE.exec(line);
    if (match && (match[3] || match[4])) {
      found.push({ key: match[2].trim().toLowerCase(), value: match[5].trim(), range: { start: lineStart, end: lineStart + line.trimEnd().length } });
    }
    lineStart = next;
  }
  return found;
}

export function readFrontMatter(first: RootContent | undefined, shift: number): Postmortem['frontMatter'] {
  if (first?.type !== 'yaml' || !first.position) return undefined;
  const range = { start: first.position.start.offset! + shift, end: first.position.end.offset! + shift };
  try {
    // maxAliasCount guards against alias bombs ("billion laughs").
    const data = parseYaml(first.value, { maxAliasCount: 50, prettyErrors: false, logLevel: 'error' }) as unknown;
    const record = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
    return { range, data: record };
  } catch (error) {
    return { range, data: null, error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

export function buildMetadata(sources: MetadataSource[], defaultZone: string, dateOrder?: DateOrder): Metadata {
  const metadata: Metadata = { extra: {} };
  for (const source of sources) {
    const located: Located = { value: source.value, text: source.value, range: source.range };
    switch (source.key) {
      case 'duration':
        metadata.duration ??= readDuration(source, defaultZone, dateOrder);
        break;
      case 'date': {
        const parts = parseTimestamp(source.value, { dateOrder });
        metadata.date ??= { ...located, value: parts ? toInstant(parts, undefined, defaultZone) : null };
        break;
      }
      case 'severity':
        metadata.severity ??= located;
        break;
      case 'status':
        metadata.status ??= located;
        break;
      default:
        if (!(source.key in metadata.extra)) metadata.extra[source.key] = located;
    }
  }
  return metadata;
}

/** What New Postmortem and the snippets write until the author knows the times, and prompts like it. */
const PLACEHOLDER = /\b(?:HH:MM|hh:mm|YYYY-MM-DD|TBD|TBA|TODO)\b|<[^<>\n]*>|\?\?/;

function readDuration(source: MetadataSource, defaultZone: string, dateOrder?: DateOrder): DurationMeta {
  // Half a placeholder read as real ("2024-05-01 HH:MM" as midnight) would put every entry outside it.
  if (PLACEHOLDER.test(source.value)) return { text: source.value, range: source.range, start: null, end: null, endHasDate: false, placeholder: true };
  const parsed = parseDuration(source.value, dateOrder);
  const zone = parsed.zone ?? defaultZone;
  const start = parsed.start ? toInstant(parsed.start, undefined, parsed.start.zone ?? zone) : null;
  let end: number | null = null;
  const endHasDate = parsed.end?.day !== undefined;
  if (parsed.end && parsed.start && parsed.start.day !== undefined) {
    const base = { year: parsed.start.year ?? new Date().getUTCFullYear(), month: parsed.start.month!, day: parsed.start.day };
    end = toInstant(parsed.end, base, parsed.end.zone ?? zone);
  }
  return { text: source.value, range: source.range, start, end, endHasDate, zone: parsed.zone };
}

/** Front-matter keys read as if they were `**Key:**` lines. */
export function frontMatterSources(frontMatter: Postmortem['frontMatter']): MetadataSource[] {
  if (!frontMatter?.data) return [];
  const sources: MetadataSource[] = [];
  for (const [key, value] of Object.entries(frontMatter.data)) {
    if (value === null || typeof value === 'object') continue;
    const text = value instanceof Date ? value.toISOString() : String(value);
    sources.push({ key: key.toLowerCase(), value: text, range: frontMatter.range });
  }
  return sources;
}
