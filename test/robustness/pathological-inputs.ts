// Inputs that make Markdown tools slow: the families of cmark's test/pathological_tests.py, plus our
// own (timelines, timestamps, section titles). Used by test/robustness/pathological.test.ts (the
// growth ratio from n = 1,000 to n = 10,000) and by the benchmark in bench/ (exact figures).
//
// Every family's `make(n)` grows linearly in size with n (n ≈ repetitions of its unit), so a linear
// engine takes about 10x as long for 10n as for n. `make()` with no argument gives n = 10,000.

export interface PathologicalFamily {
  name: string;
  /** Where the family comes from: cmark's pathological tests, or this project. */
  origin: 'cmark' | 'postmortem';
  make(n?: number): string;
  /**
   * How remark-parse (micromark) scales on the family, as measured: 'linear' (the whole analysis
   * is checked at n = 1,000 and 10,000), 'superlinear' (it is not: only our part after parsing
   * is checked), or 'slow' (linear, but too slow at n = 10,000 for a unit test).
   */
  parser: 'linear' | 'superlinear' | 'slow';
  /** n and 10n for the check of our part when the parser cannot take 10,000 (default [1000, 10000]). */
  sizes?: [number, number];
}

export interface BigInput {
  name: string;
  make(): string;
  /** Over the size cap at its default (bytes, or lines and table cells): refused with one notice. */
  refused?: true;
}

const N = 10_000;
const rep = (unit: string, n: number) => unit.repeat(n);

/** A postmortem shell around a body, so the family goes through our section, timeline and action code too. */
const inSection = (title: string, body: string) => `# Postmortem: pathological\n\n**Duration:** 2024-05-14 14:00 - 2024-05-14 18:00 (UTC)\n\n## ${title}\n\n${body}\n`;
const inTimeline = (body: string) => inSection('Timeline', body);

export const PATHOLOGICAL_FAMILIES: PathologicalFamily[] = [
  // ---- cmark: inline structure ----
  { name: 'nested strong emphasis', origin: 'cmark', parser: 'superlinear', sizes: [30, 300], make: (n = N) => inTimeline(`${rep('*a **a ', n)}b${rep(' a** a*', n)}`) },
  { name: 'emphasis closers without openers', origin: 'cmark', parser: 'superlinear', make: (n = N) => inTimeline(rep('a_ ', n)) },
  { name: 'emphasis openers without closers', origin: 'cmark', parser: 'superlinear', make: (n = N) => inTimeline(rep('_a ', n)) },
  { name: 'mismatched emphasis openers and closers', origin: 'cmark', parser: 'superlinear', sizes: [100, 1000], make: (n = N) => inTimeline(rep('*a_ ', n)) },
  { name: 'emphasis openers and closers, multiple of 3', origin: 'cmark', parser: 'superlinear', make: (n = N) => inTimeline(`a**b${rep('c* ', n)}`) },
  { name: 'link closers without openers', origin: 'cmark', parser: 'linear', make: (n = N) => inTimeline(rep('a]', n)) },
  { name: 'link openers without closers', origin: 'cmark', parser: 'linear', make: (n = N) => inTimeline(rep('[a', n)) },
  { name: 'link openers and emphasis closers', origin: 'cmark', parser: 'superlinear', sizes: [300, 3000], make: (n = N) => inTimeline(rep('[ a_', n)) },
  { name: 'nested brackets', origin: 'cmark', parser: 'superlinear', make: (n = N) => inTimeline(`${rep('[', n)}a${rep(']', n)}`) },
  { name: 'nested links [ (](', origin: 'cmark', parser: 'superlinear', sizes: [100, 1000], make: (n = N) => inTimeline(rep('[ (](', n)) },
  { name: 'unclosed links <', origin: 'cmark', parser: 'superlinear', make: (n = N) => inTimeline(rep('[a](<b', n)) },
  { name: 'unclosed links (', origin: 'cmark', parser: 'superlinear', make: (n = N) => inTimeline(rep('[a](b', n)) },
  { name: 'unclosed inline links with titles', origin: 'cmark', parser: 'superlinear', sizes: [300, 3000], make: (n = N) => inTimeline(rep('[x](a "', n)) },
  {
    name: 'backtick runs of every length',
    // remark-parse alone grows 17x from n to 10n here (each run looks ahead for its closer).
    origin: 'cmark', parser: 'superlinear',
    // "e`", "e``", "e```", …: runs up to k with k²/2 ≈ n characters.
    make: (n = N) => inTimeline(Array.from({ length: Math.max(1, Math.floor(Math.sqrt(2 * n))) }, (_, i) => `e${'`'.repeat(i + 1)}`).join('')),
  },
  { name: 'unmatched long backtick run', origin: 'cmark', parser: 'linear', make: (n = N) => inTimeline(`${rep('`', n)}a${rep('`', n - 1)}`) },
  { name: 'unclosed <!-- repeated', origin: 'cmark', parser: 'superlinear', sizes: [100, 1000], make: (n = N) => inTimeline(`</${rep('<!--', n)}`) },
  { name: '<!-- on every line', origin: 'cmark', parser: 'superlinear', make: (n = N) => inTimeline(rep('<!--\n', n)) },
  { name: 'unclosed <? and <!X', origin: 'cmark', parser: 'superlinear', sizes: [100, 1000], make: (n = N) => inTimeline(`a ${rep('<?x <!X ', n)}`) },
  { name: 'entity-like text', origin: 'cmark', parser: 'superlinear', make: (n = N) => inTimeline(rep('&#x&#12', n)) },
  { name: 'U+0000 characters', origin: 'cmark', parser: 'superlinear', make: (n = N) => inTimeline(rep('a\u0000', n)) },
  { name: 'many link reference definitions', origin: 'cmark', parser: 'slow', sizes: [100, 1000], make: (n = N) => inTimeline(Array.from({ length: n }, (_, i) => `[r${i}]: /u${i}\n`).join('') + rep('[r1] ', n)) },
  // ---- cmark: block structure ----
  { name: 'nested block quotes', origin: 'cmark', parser: 'superlinear', make: (n = N) => inTimeline(`${rep('> ', n)}a`) },
  { name: 'nested lists on one line', origin: 'cmark', parser: 'superlinear', sizes: [100, 1000], make: (n = N) => inTimeline(`${rep('- ', n)}15:00 a`) },
  { name: 'nested ordered lists on one line', origin: 'cmark', parser: 'superlinear', sizes: [100, 1000], make: (n = N) => inTimeline(`${rep('1. ', n)}a`) },
  { name: 'deeply indented list lines', origin: 'cmark', parser: 'superlinear', sizes: [30, 300], make: (n = N) => inTimeline(Array.from({ length: n }, (_, i) => `${' '.repeat(2 * (i % 100))}- 15:00 a`).join('\n')) },
  { name: 'block quote and list mix', origin: 'cmark', parser: 'superlinear', sizes: [30, 300], make: (n = N) => inTimeline(`${rep('> - ', n)}a`) },
  { name: 'long line', origin: 'cmark', parser: 'linear', make: (n = N) => inTimeline(`- 15:00 ${rep('word ', n)}`) },
  { name: 'lone carriage returns', origin: 'cmark', parser: 'slow', sizes: [300, 3000], make: (n = N) => inTimeline(rep('- 15:00 a\r', n)) },
  // ---- GFM and front matter ----
  {
    name: 'table rows',
    origin: 'cmark', parser: 'slow', sizes: [30, 300],
    make: (n = N) => inTimeline(`| Time | Event | Owner | Link |\n|---|---|---|---|\n${Array.from({ length: n }, (_, i) => `| ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | e${i} | o | [l](u) |`).join('\n')}`),
  },
  { name: 'table columns', origin: 'cmark', parser: 'slow', sizes: [100, 1000], make: (n = N) => inTimeline(`${rep('| a ', n)}|\n${rep('|---', n)}|\n${rep('| 15:00 ', n)}|`) },
  {
    name: 'front matter keys',
    origin: 'postmortem', parser: 'slow', sizes: [300, 3000],
    make: (n = N) => `---\n${Array.from({ length: n }, (_, i) => `k${i}: v${i}`).join('\n')}\n---\n${inTimeline('- 15:00 a')}`,
  },
  // ---- ours ----
  {
    name: 'timeline entries',
    origin: 'postmortem', parser: 'slow', sizes: [300, 3000],
    // Mixed formats, every 7th out of order, every 11th unreadable, some outside the Duration.
    make: (n = N) =>
      inTimeline(
        Array.from({ length: n }, (_, i) => {
          const minute = i % 11 === 0 ? 'TBD' : `${String(14 + Math.floor((i % 300) / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
          const time = i % 7 === 0 ? '13:00' : minute;
          return i % 3 === 0 ? `- **${time}:** event ${i}` : i % 3 === 1 ? `- ${time} - event ${i}` : `* [x] \`${time}\` event ${i}`;
        }).join('\n'),
      ),
  },
  {
    name: 'timestamps at every length',
    origin: 'postmortem', parser: 'slow', sizes: [300, 3000],
    // Entry i starts with a timestamp-like token of length 1 + i mod 160: past the time window.
    make: (n = N) => {
      const source = rep('2024-05-14T14:05:09.123+02:00 ~03:05 PM UTC 12:', 6);
      return inTimeline(Array.from({ length: n }, (_, i) => `- ${source.slice(0, 1 + (i % 160))} x`).join('\n'));
    },
  },
  { name: 'one long timestamp-like token', origin: 'postmortem', parser: 'linear', make: (n = N) => inTimeline(`- ${rep('12:', n)} x\n- ${rep('2024-', n)}\n- ~${rep('0', n)}:00`) },
  {
    name: 'headings that almost match every section',
    origin: 'postmortem', parser: 'slow', sizes: [300, 3000],
    make: (n = N) => {
      const near = ['Impactt', 'Timelime', 'Root Cuase and Resolution', 'Root Causes and Resolutions', 'Resolutoin', 'Corrective and Preventive Measure', 'Lessons Learnd', 'Conclusoin', 'Impact (draft', '1.2.3.4.5 Timeline', 'Timeline (UTC) (UTC)', 'Impact & & &'];
      return `# Postmortem\n\n${Array.from({ length: n }, (_, i) => `${'#'.repeat(2 + (i % 5))} ${near[i % near.length]}\n\ntext\n`).join('\n')}`;
    },
  },
  { name: 'a heading title of dots and colons', origin: 'postmortem', parser: 'linear', make: (n = N) => `## Impact${rep('.:', n)}x\n\ntext\n\n## ${rep(' :', n)}Timeline ${rep('(', n)}\n` },
  { name: 'repeated template sections', origin: 'postmortem', parser: 'slow', sizes: [300, 3000], make: (n = N) => `# P\n\n${rep('## Conclusion\n\n## Impact\n\n### Root Cause\n\n', Math.ceil(n / 3))}` },
  {
    name: 'action items with unknown tags',
    origin: 'postmortem', parser: 'slow', sizes: [300, 3000],
    make: (n = N) => inSection('Action Items', Array.from({ length: n }, (_, i) => (i % 2 ? `- **Fxi${i % 40}:** item` : `- [ ] untagged ${i}`)).join('\n')),
  },
  {
    name: 'disable comments',
    origin: 'postmortem', parser: 'slow', sizes: [100, 1000],
    make: (n = N) => inTimeline(Array.from({ length: n }, (_, i) => (i % 2 ? `<!-- postmortem-${i % 4 === 1 ? 'disable' : 'enable'} timeline-order timeline-unreadable -->\n` : `- TBD ${i}\n`)).join('\n')),
  },
  { name: 'Duration lines', origin: 'postmortem', parser: 'slow', sizes: [300, 3000], make: (n = N) => `# P\n\n${rep('**Duration:** 2024-05-14 14:00 - 13:00 (UTC)\n', n)}\n## Impact\n\nx\n` },
];

const MB = 1024 * 1024;

/** Single large inputs: each finishes within about a second, or the size cap refuses it. */
export const BIG_INPUTS: BigInput[] = [
  { name: '1 MB on one line (paragraph)', make: () => inSection('Impact', 'a '.repeat(MB / 2)) },
  { name: '1 MB on one line (timeline entry)', make: () => inTimeline(`- 15:00 ${'x'.repeat(MB)}`) },
  { name: '1 MB on one line (heading)', make: () => `## Impact ${'a.'.repeat(MB / 2)}\n` },
  { name: '50,000 headings', make: () => `# P\n\n${Array.from({ length: 50_000 }, (_, i) => `## Section ${i}\n`).join('')}` },
  { name: '1,000 x 1,000 table', refused: true, make: () => inTimeline(`${'|a'.repeat(1000)}|\n${'|-'.repeat(1000)}|\n${`${'|1'.repeat(1000)}|\n`.repeat(1000)}`) },
  {
    name: 'YAML front-matter alias bomb',
    make: () => {
      const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 9; i++) {
        const name = String.fromCharCode(97 + i);
        const prev = String.fromCharCode(96 + i);
        levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
      }
      return `---\n${levels.join('\n')}\n---\n${inTimeline('- 15:00 a')}`;
    },
  },
  // Under the byte cap, but half a million list items: the parser needs gigabytes for them.
  { name: '2 MB of one-line list items', refused: true, make: () => inTimeline('- a\n'.repeat(500_000)) },
  { name: '10,000 timeline entries', make: () => PATHOLOGICAL_FAMILIES.find((f) => f.name === 'timeline entries')!.make(10_000) },
  { name: 'over the size cap (2 MB + 1)', refused: true, make: () => inSection('Impact', 'a'.repeat(2048 * 1024)) },
];

const backtickRuns = PATHOLOGICAL_FAMILIES.find((f) => f.name === 'backtick runs of every length')!;

/**
 * cmark's families at the sizes that took seconds, or minutes, to analyse before analyses ran under
 * a time budget (issue 12): each must now finish, or time out with one problem, within the budget + 1 s.
 */
export const NEVER_FREEZE_INPUTS: BigInput[] = [
  { name: 'nested emphasis, 20 KB', make: () => inSection('Impact', `${rep('*', 10_000)}a${rep('*', 10_000)}`) },
  { name: 'backtick runs, 500 KB', make: () => backtickRuns.make(500_000) },
  { name: 'backtick runs, 2 MB (under the size cap)', make: () => backtickRuns.make(2_000_000) },
];
