import type { RootContent } from 'mdast';
import { isScalar, parseDocument, visit, type YAMLMap } from 'yaml';
import type { DurationMeta, Located, Metadata, Postmortem, Range, WrittenField } from '../types.js';
import { lineAt } from './lines.js';
import { parseDuration, parseTimestamp, toInstant, type DateOrder } from '../time/index.js';

// `**Duration:** value` or `**Duration**: value`, one per line.
const META_LINE = /^[ \t]{0,3}(?:[-*+][ \t]+)?(\*\*|__)([A-Za-z][A-Za-z ]{0,30}?)[ \t]*(:?)\1[ \t]*(:?)[ \t]*(.*)$/;

export interface MetadataSource {
  key: string;
  value: string;
  range: Range;
  /** The key as written. */
  name?: string;
  valueRange?: Range;
  fromFrontMatter?: boolean;
}

// `**Severity:** SEV1  |  **Status:** Resolved`: several fields on one line, split at pipes.
const NEXT_FIELD = /[ \t]+\|[ \t]+(?=(?:\*\*|__)[A-Za-z][A-Za-z ]{0,30}?[ \t]*:?(?:\*\*|__))/;

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
    let segmentStart = lineStart;
    let rest = line;
    while (rest !== '') {
      const split = NEXT_FIELD.exec(rest);
      const segment = split ? rest.slice(0, split.index) : rest;
      const match = META_LINE.exec(segment);
      if (!match || !(match[3] || match[4])) break;
      // A comment after the value ("SEV-2 <!-- to confirm -->") is not part of it.
      const written = match[5].replace(/\s*<!--[\s\S]*?-->\s*$/, '');
      const value = written.trim();
      const valueStart = segmentStart + segment.length - match[5].length + (written.length - written.trimStart().length);
      const end = value === '' ? segmentStart + segment.length - match[5].length + written.trimEnd().length : valueStart + value.length;
      found.push({
        key: match[2].trim().toLowerCase(),
        name: match[2].trim(),
        value,
        // A line's first field keeps the whole line, as the Duration always has.
        range: { start: segmentStart === lineStart ? lineStart : segmentStart, end: segmentStart === lineStart && !split ? lineStart + line.trimEnd().length : end },
        valueRange: { start: value === '' ? end : valueStart, end: value === '' ? end : valueStart + value.length },
      });
      if (!split) break;
      segmentStart += split.index + split[0].length;
      rest = rest.slice(split.index + split[0].length);
    }
    lineStart = next;
  }
  return found;
}

/** Where the YAML of a front matter block starts: on the line after the opening `---`. */
export function yamlStartOf(text: string, range: Range): number {
  return Math.min(lineAt(text, range.start, range.end).next, range.end);
}

export function readFrontMatter(first: RootContent | undefined, shift: number, text: string): Postmortem['frontMatter'] {
  if (first?.type !== 'yaml' || !first.position) return undefined;
  const range = { start: first.position.start.offset! + shift, end: first.position.end.offset! + shift };
  // The parser's positions count from the YAML's start.
  const yamlStart = yamlStartOf(text, range);
  const errorLine = (at: number) => {
    let start = Math.min(Math.max(yamlStart + at, yamlStart), range.end);
    // A position at the end of a line ending in \r\n is the end of that line, not between the two.
    if (text[start - 1] === '\r' && text[start] === '\n') start--;
    return { start, end: Math.max(start, lineAt(text, start, range.end).lineEnd) };
  };
  try {
    const data = parseFrontMatterYaml(first.value);
    if (data && typeof data === 'object' && !Array.isArray(data)) return { range, data: data as Record<string, unknown> };
    // Empty front matter reads as null, and says nothing wrong.
    if (data === null || data === undefined) return { range, data: null };
    const what = Array.isArray(data) ? 'a list' : 'a single value';
    return { range, data: null, error: `it is ${what}, not "key: value" lines`, errorRange: errorLine(0) };
  } catch (error) {
    const pos = (error as { pos?: [number, number] }).pos;
    return { range, data: null, error: error instanceof Error ? error.message.split('\n')[0] : String(error), errorRange: errorLine(pos?.[0] ?? 0) };
  }
}

/**
 * The YAML's value; throws on a YAML error or a repeated top-level key. yaml's own key check
 * compares every pair (3,000 keys took 200 ms per keystroke), so the keys are checked here in one pass.
 */
export function parseFrontMatterYaml(source: string): unknown {
  const document = parseDocument(source, { uniqueKeys: false, prettyErrors: false, logLevel: 'silent' });
  if (document.errors.length > 0) throw document.errors[0];
  // Every mapping, nested ones too (`owner:` twice under one action, say): the later value would win unseen.
  visit(document, { Map: (_, map) => checkUniqueKeys(map) });
  // maxAliasCount guards against alias bombs ("billion laughs").
  return document.toJS({ maxAliasCount: 50 });
}

function checkUniqueKeys(map: YAMLMap): void {
  const seen = new Set<unknown>();
  for (const { key } of map.items) {
    const name = isScalar(key) ? key.value : key;
    if (seen.has(name)) throw Object.assign(new Error(`Map keys must be unique: ${String(name)}`), { pos: isScalar(key) ? key.range?.slice(0, 2) : undefined });
    seen.add(name);
  }
}

export function buildMetadata(sources: MetadataSource[], defaultZone: string, dateOrder?: DateOrder): Metadata {
  const fields: WrittenField[] = [];
  const metadata: Metadata = { extra: {}, fields };
  const seen = new Set<string>();
  for (const source of sources) {
    if (!seen.has(source.key)) {
      seen.add(source.key);
      fields.push({
        key: source.key,
        name: source.name ?? source.key,
        value: source.value,
        range: source.range,
        valueRange: source.valueRange ?? source.range,
        source: source.fromFrontMatter ? 'front matter' : 'line',
      });
    }
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

/** Front-matter keys read as if they were `**Key:**` lines; a list of plain values (authors) reads as one, comma-separated. */
export function frontMatterSources(frontMatter: Postmortem['frontMatter'], text = ''): MetadataSource[] {
  if (!frontMatter?.data) return [];
  const sources: MetadataSource[] = [];
  const block = text.slice(frontMatter.range.start, frontMatter.range.end);
  // Each key's line, found in one pass (a search per key would be quadratic in the number of keys).
  const lines = new Map<string, RegExpExecArray>();
  for (const line of block.matchAll(/^([ \t]*["']?([^"':\n]+?)["']?[ \t]*:[ \t]*)(.*)$/gm)) if (!lines.has(line[2])) lines.set(line[2], line as RegExpExecArray);
  for (const [key, value] of Object.entries(frontMatter.data)) {
    const listed = Array.isArray(value) && value.every((v) => v !== null && typeof v !== 'object');
    if (value !== null && typeof value === 'object' && !listed && !(value instanceof Date)) continue;
    // `severity:` with nothing after it is the field written without its value yet (as `**Severity:** ` is), not a missing one.
    const written = value === null ? '' : listed ? (value as unknown[]).map(String).join(', ') : value instanceof Date ? value.toISOString() : String(value);
    // Where the key's line is, so a problem about its value points there, not at the whole block.
    const found = lines.get(key);
    const line = found ? ([found[0], found[1], found[3]] as unknown as RegExpExecArray) : null;
    if (line && found) line.index = found.index;
    // An alias (`*x`) or a block list is not written on the key's line: then the whole block is its place.
    const onLine = line !== null && line[2].includes(written);
    if (listed && !onLine && !block.includes(written)) continue;
    const start = onLine ? frontMatter.range.start + line.index : frontMatter.range.start;
    const range = onLine ? { start, end: start + line[0].trimEnd().length } : frontMatter.range;
    const valueStart = onLine ? start + line[1].length : frontMatter.range.start;
    const valueRange = onLine ? { start: valueStart, end: valueStart + line[2].trimEnd().length } : frontMatter.range;
    sources.push({ key: key.toLowerCase(), name: key, value: written, range, valueRange, fromFrontMatter: true });
  }
  return sources;
}

