// Run by memory.test.ts as `node --expose-gc --import tsx run-memory.ts`: edits every section of a
// 1 MB postmortem once, each in a new version of the document, with the one ParseCache an open
// document has; prints the heap kept afterwards (after full GCs) as one JSON line.
import { generatePostmortem } from '../../bench/generate.js';
import { analyze, ParseCache } from '../../server/src/core/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
let text = generatePostmortem(1024 * 1024);
const cache = new ParseCache();
let analysis = analyze(text, { cache });
gc();
const before = process.memoryUsage().heapUsed;
/** Where each column-0 heading starts (the generated postmortem has no fences). */
const headings = (markdown: string) => [...markdown.matchAll(/^#{1,6} /gm)].map((match) => match.index);
const sections = headings(text).length - 1;
for (let i = 1; i <= sections; i++) {
  const at = headings(text)[i] - 2; // the end of the last line before heading i
  text = text.slice(0, at) + 'x' + text.slice(at);
  analysis = analyze(text, { cache });
}
gc();
gc();
console.log(JSON.stringify({ sections, documentMB: (text.length * 2) / 2 ** 20, keptMB: (process.memoryUsage().heapUsed - before) / 2 ** 20, problems: analysis.problems.length }));
