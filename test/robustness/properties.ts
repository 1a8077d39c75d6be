// The engine's robustness properties, shared by test/robustness/properties.test.ts (a fixed
// budget of runs in `npm test`) and scripts/fuzz.ts (long runs: `npm run fuzz -- --runs N`).
// Each check throws an Error describing the first violation; fast-check shrinks from there.
import fc from 'fast-check';
import {
  analyze,
  applyEdits,
  applyFixes,
  fixAll,
  getBuiltinTemplate,
  lineOf,
  type AnalyzeOptions,
  type Fix,
  type Postmortem,
  type Problem,
  type Range,
  type TextEdit,
} from '../../server/src/core/index.js';
import { postmortemMarkdown } from './markdown-arbitrary.js';

export interface Input {
  text: string;
  template: string;
}

export interface PropertyDef {
  name: string;
  /** Share of the run budget this property gets. */
  share: number;
  check(input: Input): void;
}

export const input: fc.Arbitrary<Input> = fc.record({
  text: postmortemMarkdown,
  template: fc.constantFrom('default', 'default', 'default', 'default', 'google-sre', 'pagerduty', 'atlassian'),
});

const NOW = new Date('2024-05-15T12:00:00Z');

export function optionsFor(input: Input): AnalyzeOptions {
  return { template: getBuiltinTemplate(input.template)!, now: NOW };
}

function fail(message: string, detail?: unknown): never {
  throw new Error(detail === undefined ? message : `${message}: ${JSON.stringify(detail)}`);
}

/** Whether an offset falls between the \r and \n of one line ending (no line/column position means that). */
const splitsCrlf = (text: string, offset: number) => offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
/** Whether an offset falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, offset: number) => offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));

function checkRange(text: string, range: Range | undefined, what: string): void {
  if (!range) fail(`${what}: no range`);
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    fail(`${what}: range outside the text (length ${text.length})`, range);
  }
  if (splitsPair(text, start) || splitsPair(text, end)) fail(`${what}: range splits a surrogate pair`, range);
  if (splitsCrlf(text, start) || splitsCrlf(text, end)) fail(`${what}: range ends between \\r and \\n`, range);
}

const within = (inner: Range, outer: Range) => inner.start >= outer.start && inner.end <= outer.end;

/** Every range the model holds is inside the text and covers what it says it covers. */
export function checkModel(text: string, postmortem: Postmortem): void {
  if (postmortem.text !== text) fail('postmortem.text is not the input text');
  const starts = postmortem.lineStarts;
  if (starts[0] !== 0 || starts.some((s, i) => s > text.length || (i > 0 && s <= starts[i - 1]))) fail('lineStarts out of order or outside the text', starts);

  for (const section of postmortem.allSections) {
    const what = `section ${JSON.stringify(section.title)}`;
    checkRange(text, section.headingRange, `${what} headingRange`);
    checkRange(text, section.range, `${what} range`);
    checkRange(text, section.bodyRange, `${what} bodyRange`);
    if (section.range.start !== section.headingRange.start || section.bodyRange.start !== section.headingRange.end || section.bodyRange.end !== section.range.end) {
      fail(`${what}: heading, body and section ranges disagree`, [section.headingRange, section.bodyRange, section.range]);
    }
    const heading = text.slice(section.headingRange.start, section.headingRange.end);
    const lineStart = starts[lineOf(starts, section.headingRange.start)];
    const indent = text.slice(lineStart, section.headingRange.start).replace(/^\uFEFF/, '');
    if (!/^ {0,3}$/.test(indent)) fail(`${what}: heading range does not start its line`, { indent, heading });
    if (section.style === 'atx' && !/^#{1,6}(?:[ \t]|$)/.test(heading)) fail(`${what}: ATX heading range does not start with its #`, heading);
    if (section.style === 'setext' && !/(?:^|[\r\n]) {0,3}(?:=+|-+)[ \t]*$/.test(heading)) fail(`${what}: setext heading range does not end with its underline`, heading);
    if (section.style === 'setext' && /^[ \t]*$/.test(heading.split(/\r\n?|\n/)[0])) fail(`${what}: setext heading range starts on a blank line`, heading);
    for (const child of section.children) {
      if (!within(child.range, section.range) || child.parent !== section) fail(`${what}: child ${JSON.stringify(child.title)} outside its parent`);
    }
  }

  for (const entry of postmortem.timeline) {
    checkRange(text, entry.range, 'timeline entry range');
    checkRange(text, entry.timeRange, 'timeline entry timeRange');
    if (text.slice(entry.timeRange.start, entry.timeRange.end) !== entry.timeText) {
      fail('timeline entry: timeRange does not slice to timeText', { slice: text.slice(entry.timeRange.start, entry.timeRange.end), timeText: entry.timeText });
    }
    if (!within(entry.timeRange, entry.range)) fail('timeline entry: timeRange outside the entry', [entry.timeRange, entry.range]);
    if (!within(entry.range, entry.section.range)) fail('timeline entry outside its section', [entry.range, entry.section.range]);
  }

  for (const item of postmortem.actionItems) {
    checkRange(text, item.range, 'action item range');
    if (item.contentStart < item.range.start || item.contentStart > item.range.end) fail('action item: contentStart outside the item', item.range);
    if ((item.writtenTag === undefined) !== (item.tagRange === undefined)) fail('action item: writtenTag and tagRange disagree');
    if (item.tagRange) {
      checkRange(text, item.tagRange, 'action item tagRange');
      const slice = text.slice(item.tagRange.start, item.tagRange.end);
      if (slice !== item.writtenTag) fail('action item: tagRange does not slice to writtenTag', { slice, writtenTag: item.writtenTag });
      if (!within(item.tagRange, item.range)) fail('action item: tagRange outside the item');
    }
    if (item.tag !== null && item.writtenTag === undefined) fail('action item: a tag without a written tag');
  }

  for (const directive of postmortem.directives) {
    checkRange(text, directive.range, 'directive range');
    const slice = text.slice(directive.range.start, directive.range.end);
    if (!slice.startsWith('<!--') || !slice.endsWith('-->') || !slice.includes(`postmortem-${directive.kind}`)) fail('directive range is not its comment', slice);
  }

  const fm = postmortem.frontMatter;
  if (fm) {
    checkRange(text, fm.range, 'front matter');
    if (!/^\uFEFF?---/.test(text.slice(0, fm.range.end)) || fm.range.start > 1) fail('front matter range is not at the top', fm.range);
  }
  if (postmortem.title) checkRange(text, postmortem.title.range, 'title');
  const { duration, date, severity, status, extra } = postmortem.metadata;
  for (const [key, located] of Object.entries({ duration, date, severity, status, ...extra })) {
    if (!located) continue;
    checkRange(text, located.range, `metadata ${key}`);
    const fromFrontMatter = fm && located.range.start === fm.range.start && located.range.end === fm.range.end;
    if (!fromFrontMatter && !text.slice(located.range.start, located.range.end).includes(located.text)) {
      fail(`metadata ${key}: range does not contain its text`, { slice: text.slice(located.range.start, located.range.end), text: located.text });
    }
  }
}

/** Edits of one fix: inside the text, none overlapping, no two insertions at one point. */
function checkEdits(text: string, fix: Fix, what: string): TextEdit[] {
  if (fix.edits.length === 0) fail(`${what}: fix ${JSON.stringify(fix.title)} has no edits`);
  const sorted = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  sorted.forEach((edit, i) => {
    checkRange(text, edit, `${what}: edit`);
    if (typeof edit.newText !== 'string') fail(`${what}: edit without newText`);
    const previous = sorted[i - 1];
    if (previous && (edit.start < previous.end || (edit.start === previous.start && edit.start === edit.end))) fail(`${what}: overlapping edits`, [previous, edit]);
  });
  return sorted;
}

/** Applies sorted edits and checks every character outside them survives, in order. */
function applyChecked(text: string, sorted: TextEdit[], what: string): string {
  const result = applyEdits(text, sorted);
  let from = 0; // in text
  let at = 0; // in result
  for (const edit of sorted) {
    const kept = text.slice(from, edit.start);
    if (result.slice(at, at + kept.length) !== kept) fail(`${what}: text before an edit changed`, { at, kept });
    at += kept.length;
    if (result.slice(at, at + edit.newText.length) !== edit.newText) fail(`${what}: edit text not where it belongs`, edit);
    at += edit.newText.length;
    from = edit.end;
  }
  if (result.slice(at) !== text.slice(from)) fail(`${what}: text after the last edit changed`);
  if (result === text) fail(`${what}: fix changes nothing`);
  return result;
}

const keyOf = (p: Problem) => `${p.rule}\u0000${p.message}`;

/** Problem ranges, related ranges and fix edits are all inside the text; at most one preferred fix each. */
function checkProblems(text: string, problems: Problem[]): void {
  for (const p of problems) {
    const what = `${p.rule} ${JSON.stringify(p.message)}`;
    checkRange(text, p.range, what);
    for (const r of p.related ?? []) checkRange(text, r.range, `${what} related`);
    if (p.fixes.filter((f) => f.isPreferred).length > 1) fail(`${what}: more than one preferred fix`);
    for (const fix of p.fixes) checkEdits(text, fix, what);
    if (p.rule === 'internal-error') fail(`internal error: ${p.message}`);
  }
}

/** Where an offset of the text before the edits is afterwards; inside an edit, that edit's start. */
function mapOffset(offset: number, edits: TextEdit[]): number {
  let shift = 0;
  for (const edit of [...edits].sort((x, y) => x.start - y.start)) {
    if (edit.start > offset) break;
    if (offset < edit.end) return edit.start + shift;
    shift += edit.newText.length - (edit.end - edit.start);
  }
  return offset + shift;
}

/**
 * After applying the fixes, none of their problems is reported again in its place. A fix may
 * reveal the same message elsewhere (fixing a heading can make a later one a subsection the
 * template does not expect): that is a new problem, which the next pass of fix-all takes.
 */
function checkFixedProblemsGone(applied: { problem: Problem; fix: Fix }[], after: Problem[], what: string): void {
  const edits = applied.flatMap(({ fix }) => fix.edits);
  for (const { problem } of applied) {
    const at = mapOffset(problem.range.start, edits);
    const left = after.find((p) => keyOf(p) === keyOf(problem) && p.range.start === at);
    if (left) fail(`${what}: fixed problem still reported`, { problem: `${problem.rule}: ${problem.message}`, at });
  }
}

/** What the model and the problems say, as comparable text (no circular links). */
function summary(pm: Postmortem, problems: Problem[]): string {
  return JSON.stringify({
    sections: pm.allSections.map((s) => [s.title, s.level, s.style, s.headingRange, s.range, s.kind, s.template?.title, s.parent?.headingRange.start]),
    timeline: pm.timeline.map((e) => [e.range, e.timeRange, e.text, e.instant, e.dateOnly, e.hasDate, e.dateKnown, e.approximate, e.section.headingRange.start]),
    actions: pm.actionItems.map((a) => [a.range, a.tag, a.writtenTag, a.tagRange, a.contentStart, a.text, a.checked]),
    directives: pm.directives,
    frontMatter: pm.frontMatter,
    title: pm.title,
    metadata: pm.metadata,
    problems: problems.map((p) => [p.rule, p.message, p.range, p.fixes.map((f) => f.edits)]),
  });
}

export const PROPERTIES: PropertyDef[] = [
  {
    name: 'analyze never throws and every range maps back to what it claims',
    share: 0.45,
    check(input) {
      const { postmortem, problems } = analyze(input.text, optionsFor(input));
      if (!postmortem) fail('no postmortem for a small document');
      checkModel(input.text, postmortem);
      checkProblems(input.text, problems);
    },
  },
  {
    name: 'each fix edits only its ranges and removes its problem',
    share: 0.25,
    check(input) {
      const options = optionsFor(input);
      const { text } = input;
      const { problems } = analyze(text, options);
      checkProblems(text, problems);
      // Every fix on its own (the first few problems, each problem's first and preferred fix).
      const chosen = problems.slice(0, 8).flatMap((problem) => [...new Set([problem.fixes[0], problem.fixes.find((f) => f.isPreferred)])].filter((f): f is Fix => f !== undefined).map((fix) => ({ problem, fix })));
      for (const { problem, fix } of chosen) {
        const what = `${problem.rule} fix ${JSON.stringify(fix.title)}`;
        const fixed = applyChecked(text, checkEdits(text, fix, what), what);
        const after = analyze(fixed, options).problems;
        checkFixedProblemsGone([{ problem, fix }], after, what);
        if (after.some((p) => p.rule === 'internal-error')) fail(`${what}: internal error after the fix`);
      }
      // All the fixes fix-all takes, at once, as one pass of it does.
      const preferred = problems.flatMap((problem) => problem.fixes.filter((f) => f.fixAll ?? f.isPreferred).map((fix) => ({ problem, fix })));
      const { text: fixed, applied } = applyFixes(text, preferred.map((p) => p.fix));
      if (applied.length === 0 && preferred.length > 0) fail('applyFixes applied none of the preferred fixes');
      const byFix = new Map(preferred.map((p) => [p.fix, p]));
      checkFixedProblemsGone(applied.map((fix) => byFix.get(fix)!), analyze(fixed, options).problems, 'one fix-all pass');
    },
  },
  {
    name: 'the section-incremental parse gives the same model and problems as a full parse',
    share: 0.1,
    check(input) {
      const options = optionsFor(input);
      const incremental = analyze(input.text, { ...options, incremental: true });
      const full = analyze(input.text, { ...options, incremental: false });
      const a = summary(incremental.postmortem!, incremental.problems);
      const b = summary(full.postmortem!, full.problems);
      if (a !== b) fail('incremental and full parse differ', { incremental: JSON.parse(a), full: JSON.parse(b) });
    },
  },
  {
    name: 'fixAll is idempotent',
    share: 0.2,
    check(input) {
      const options = optionsFor(input);
      const once = fixAll(input.text, options);
      const twice = fixAll(once.text, options);
      if (twice.text !== once.text || twice.fixed !== 0) {
        fail('fixAll changed its own output', { once: once.text, twice: twice.text, fixedAgain: twice.fixed });
      }
    },
  },
];

/** Splits a total run budget across the properties by share (each gets at least one run). */
export function runsFor(property: PropertyDef, total: number): number {
  return Math.max(1, Math.round(total * property.share));
}

/** The run budget: FUZZ_RUNS (total across all properties), else 10,000. */
export function totalRuns(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.FUZZ_RUNS);
  return Number.isInteger(value) && value > 0 ? value : 10_000;
}
