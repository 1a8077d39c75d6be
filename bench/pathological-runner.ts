// Child process of bench/pathological.ts: one contestant, commands on stdin, one JSON line each.
//   names          → [{ name, bytes }, ...]
//   ready          → true (once loaded)
//   run <i> <k>    → { bytes, cpuMs: [k CPU times] }
// The inputs come from test/robustness/pathological-inputs.ts: its PATHOLOGICAL_FAMILIES (made at
// size n) and BIG_INPUTS; any other export of { name, make() } or name → string is read too.
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { lint as markdownlint } from 'markdownlint/sync';
import { analyze, ParseCache } from '../server/src/core/index.js';
import { collect } from './stats.js';

const [contestant, nArg] = process.argv.slice(2);
const n = Number(nArg);
const ROOT = join(import.meta.dirname, '..');

interface Input {
  name: string;
  make: () => string;
  /** One of cmark's families (parser-bound: the same micromark runs in all three contestants). */
  cmark: boolean;
}

function inputsOf(exports: Record<string, unknown>): Input[] {
  const inputs: Input[] = [];
  // The big single inputs first, then the families (anything else last): if the time budget runs
  // out, what is left is the tail of cmark's families, where all three contestants run micromark.
  const rank = (name: string) => (name === 'BIG_INPUTS' ? 0 : name === 'PATHOLOGICAL_FAMILIES' ? 1 : 2);
  for (const [exportName, value] of Object.entries(exports).sort(([a], [b]) => rank(a) - rank(b))) {
    const items = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.entries(value).map(([name, v]) => ({ name, v })) : [];
    for (const item of items) {
      if (Array.isArray(value)) {
        const entry = item as { name?: unknown; make?: unknown; text?: unknown };
        const name = typeof entry.name === 'string' ? entry.name : `${exportName}[${inputs.length}]`;
        // Families grow with n (`make(n)`); single inputs ignore the argument.
        if (typeof entry.make === 'function') inputs.push({ name, make: () => (entry.make as (n?: number) => string)(exportName === 'PATHOLOGICAL_FAMILIES' ? n : undefined), cmark: (entry as { origin?: unknown }).origin === 'cmark' });
        else if (typeof entry.text === 'string') inputs.push({ name, make: () => entry.text as string, cmark: false });
      } else {
        const { name, v } = item as { name: string; v: unknown };
        if (typeof v === 'string') inputs.push({ name, make: () => v, cmark: false });
      }
    }
  }
  // Within the order above, this project's own families before cmark's (sort is stable).
  return inputs.sort((a, b) => Number(a.cmark) - Number(b.cmark));
}

const bare = unified().use(remarkParse);
const runners: Record<string, (text: string) => unknown> = {
  remark: (text) => bare.parse(text),
  markdownlint: (text) => markdownlint({ strings: { doc: text } }),
  ours: (text) => analyze(text, { cache: new ParseCache() }),
};
const run = runners[contestant];
if (!run) throw new Error(`unknown contestant ${contestant}`);

const inputs = inputsOf((await import(pathToFileURL(join(ROOT, 'test/robustness/pathological-inputs.ts')).href)) as Record<string, unknown>);
const texts = new Map<number, string>();
const reply = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n');

for await (const line of createInterface({ input: process.stdin })) {
  const [command, a, b] = line.trim().split(' ');
  if (command === 'ready') {
    reply(true);
    continue;
  }
  if (command === 'names') {
    // With their sizes: a row whose every contestant passed the time limit still shows how big it was.
    reply(inputs.map((input, index) => {
      const text = input.make();
      texts.set(index, text);
      return { name: input.name, bytes: Buffer.byteLength(text) };
    }));
    continue;
  }
  if (command !== 'run') continue;
  try {
    const index = Number(a);
    const samples = Number(b);
    let text = texts.get(index);
    if (text === undefined) texts.set(index, (text = inputs[index].make()));
    const cpuMs: number[] = [];
    for (let i = 0; i < samples; i++) {
      collect();
      const start = process.cpuUsage();
      run(text);
      const { user, system } = process.cpuUsage(start);
      cpuMs.push((user + system) / 1000);
    }
    reply({ bytes: Buffer.byteLength(text), cpuMs });
  } catch (error) {
    reply({ bytes: 0, cpuMs: [], error: error instanceof Error ? error.message : String(error) });
  }
}
