import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Processor } from 'unified';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { cutText, recut, type Cuts } from './chunks.js';
import { textChange, type TextChange } from './text-change.js';
import { mayRunOn } from './run-on.js';
import { detached } from './text.js';

/**
 * The GFM pieces a postmortem needs: tables (timelines) and task lists (action items). The rest of
 * GFM (autolinks, footnotes, strikethrough) changes nothing we read and costs ~50% more parse time.
 * Each is added only where it can match: a table needs a `|`, a task a `[`. Without a `|` the table
 * tokenizer still tries every paragraph's first line as a header row, which on a 1 MB line costs
 * 15x the rest of the parse.
 */
function remarkGfmParts(this: Processor, parts: { tables: boolean; tasks: boolean }): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  if (parts.tables) {
    (data.micromarkExtensions ??= []).push(gfmTable());
    (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  }
  if (parts.tasks) {
    (data.micromarkExtensions ??= []).push(gfmTaskListItem());
    (data.fromMarkdownExtensions ??= []).push(gfmTaskListItemFromMarkdown());
  }
}

// Built once each (unified freezes a processor on first use; re-creating one per keystroke is waste).
const processors = new Map<string, Processor>();

function processorFor(text: string): Processor {
  const tables = text.includes('|');
  const tasks = text.includes('[');
  // Front matter only where there is some: with an opening `---` that never closes,
  // micromark-extension-frontmatter 2.0 stops recognising lists in the rest of the document.
  const frontMatter = hasClosedFrontMatter(text);
  const key = `${+tables}${+tasks}${+frontMatter}`;
  let processor = processors.get(key);
  if (!processor) {
    const base = unified().use(remarkParse).use(remarkGfmParts, { tables, tasks });
    processor = (frontMatter ? base.use(remarkFrontmatter, ['yaml']) : base) as unknown as Processor;
    processors.set(key, processor);
  }
  return processor;
}

const BOM = '\uFEFF';

/** A parsed piece of the document: add `shift` to its mdast offsets to get offsets in the whole text. */
export interface Piece {
  tree: Root;
  shift: number;
}

export interface ParsedMarkdown {
  pieces: Piece[];
}

/**
 * Trees of pieces by their exact text, for one document (the server keeps one per open document).
 * Each analysis keeps only what the analysis before it used: after an edit that is every piece but
 * the edited one, so the versions a long editing session types are not kept. A size bound covers
 * a cache shared by several documents.
 */
export class ParseCache {
  private readonly trees = new Map<string, { tree: Root; used: number; key: string }>();
  private size = 0;
  private generation = 0;
  /** The text parsed last, its cuts and pieces: the next text's unchanged pieces are found by where they are, not looked up by their text. */
  layout?: Layout;
  /**
   * What the analysis before worked out from its text, by who worked it out (size-cap.ts's count,
   * the blameless phrases found): the next one redoes it only where its text changed (`change`).
   */
  readonly previous = new Map<string, unknown>();
  private lastChange?: { before: string; after: string; change: TextChange };

  constructor(private readonly maxChars = 8 * 1024 * 1024) {}

  /** How `after` differs from `before` (the same pair is compared once per analysis). */
  change(before: string, after: string): TextChange {
    const last = this.lastChange;
    if (last?.before === before && last.after === after) return last.change;
    const change = textChange(before, after);
    this.lastChange = { before, after, change };
    return change;
  }

  /**
   * Told how `after` came from `before` (an edit that arrived as one), so `change` need not compare
   * the two: over 1 MB that comparison is a millisecond or two of every keystroke.
   */
  knownChange(before: string, after: string, change: TextChange): void {
    this.lastChange = { before, after, change };
  }

  /** How many pieces' trees it holds. */
  get count(): number {
    return this.trees.size;
  }

  /** Called as an analysis starts: drops the trees the previous analysis did not use. */
  beginAnalysis(): void {
    for (const [key, entry] of this.trees) if (entry.used < this.generation) this.delete(key);
    this.generation++;
  }

  /** Keeps a piece's tree for the next analysis (`key` is the text it was cached under, whose hash the engine has kept). */
  touch(key: string): void {
    this.lookup(key);
  }

  /** The tree, and the piece of its own it was cached under (a slice of a whole text would keep that text alive). */
  lookup(text: string): { tree: Root; key: string } | undefined {
    const entry = this.trees.get(text);
    if (!entry) return undefined;
    entry.used = this.generation;
    // Refresh its place: Map keeps insertion order, so the oldest is evicted first.
    this.trees.delete(entry.key);
    this.trees.set(entry.key, entry);
    return entry;
  }

  set(text: string, tree: Root): void {
    if (text.length > this.maxChars) return;
    this.delete(text);
    this.trees.set(text, { tree, used: this.generation, key: text });
    this.size += text.length;
    for (const [key] of this.trees) {
      if (this.size <= this.maxChars) break;
      this.delete(key);
    }
  }

  private delete(key: string): void {
    if (this.trees.delete(key)) this.size -= key.length;
  }
}

/** A first line `---` and a later line `---`; lines end at \r\n, \n or a lone \r, as micromark reads them. */
function hasClosedFrontMatter(text: string): boolean {
  if (!text.startsWith('---') && !text.startsWith('\uFEFF---')) return false;
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\r|\n/);
  if (!/^\uFEFF?---[ \t]*$/.test(lines[0])) return false;
  return lines.slice(1).some((line) => /^---[ \t]*$/.test(line));
}

/** A piece's tree, and the string it is cached under. */
function parseText(text: string, cache: ParseCache | undefined): { tree: Root; key: string } {
  const cached = cache?.lookup(text);
  if (cached) return cached;
  // Its tree's strings are slices of what is parsed: parse (and key the cache by) a piece of its own.
  const own = cache ? detached(text) : text;
  const tree = processorFor(own).parse(own) as Root;
  cache?.set(own, tree);
  return { tree, key: own };
}

/** A piece as the cache remembers it: where it was, and whether its last block might run on. */
interface LaidPiece {
  start: number;
  end: number;
  key: string;
  tree: Root;
  runsOn: boolean;
}

interface Layout {
  text: string;
  cuts: Cuts;
  pieces: LaidPiece[];
}

/**
 * The pieces of the last layout whose text is unchanged: those wholly before the change, by their
 * place, and those wholly after it, by their place moved by the change's length.
 */
class UnchangedPieces {
  private next = 0;
  private readonly delta: number;

  constructor(private readonly layout: Layout, private readonly change: TextChange) {
    this.delta = change.newEnd - change.oldEnd;
  }

  find(start: number, end: number): LaidPiece | undefined {
    const { change } = this;
    const moved = start >= change.newEnd;
    if (!moved && end > change.from) return undefined;
    const was = moved ? start - this.delta : start;
    const { pieces } = this.layout;
    while (this.next < pieces.length && pieces[this.next].start < was) this.next++;
    const piece = pieces[this.next];
    return piece?.start === was && piece.end === (moved ? end - this.delta : end) ? piece : undefined;
  }
}

/**
 * Below this size a document parses faster in one go: each piece sets up its own tokenizer, which
 * costs more than the parser's superlinear growth saves (measured: 3 KB 1.7x slower in pieces,
 * break-even near 16 KB, 100 KB 1.7x faster in pieces).
 */
const PIECES_FROM_CHARS = 16 * 1024;

/** `incremental` true or false decides; unset, pieces pay off when a cache keeps them for the next edit, or the text is large. */
function inPieces(text: string, options: { cache?: ParseCache; incremental?: boolean }): boolean {
  return options.incremental ?? (options.cache !== undefined || text.length >= PIECES_FROM_CHARS);
}

/**
 * Parses the document piece by piece. A piece whose last block might run on into the next piece
 * (an unclosed fence or an HTML block) means the cut was wrong: the rest is parsed as one piece.
 */
export function parseMarkdown(text: string, options: { cache?: ParseCache; incremental?: boolean } = {}): ParsedMarkdown {
  const { cache } = options;
  const layout = cache?.layout;
  const change = layout && cache.change(layout.text, text);
  const whole = !inPieces(text, options);
  const cuts = whole ? { starts: [0], definitions: false } : change ? recut(layout.cuts, text, change) : cutText(text);
  const { starts } = cuts;
  const unchanged = change && new UnchangedPieces(layout, change);
  // micromark drops one leading BOM from what it is given, so offsets start after it.
  const shiftOf = (start: number) => start + (text.startsWith(BOM, start) ? 1 : 0);
  const pieces: Piece[] = [];
  const laid: LaidPiece[] = [];
  const place = (start: number, end: number): LaidPiece => {
    const known = unchanged?.find(start, end);
    if (known) {
      cache!.touch(known.key);
      return known.start === start ? known : { ...known, start, end };
    }
    const { tree, key } = parseText(text.slice(start, end), cache);
    return { start, end, key, tree, runsOn: mayRunOn(tree, text, shiftOf(start), end) };
  };
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const last = i === starts.length - 1;
    let piece = place(start, last ? text.length : starts[i + 1]);
    if (!last && piece.runsOn) piece = place(start, text.length);
    laid.push(piece);
    pieces.push({ tree: piece.tree, shift: shiftOf(start) });
    if (piece.end === text.length) break;
  }
  // Cuts of a text parsed whole are no base for the next one's.
  if (cache) cache.layout = whole ? undefined : { text, cuts, pieces: laid };
  return { pieces };
}
