// Runs one of BIG_INPUTS through analyze in its own process, so a crash (out of memory) or a hang
// fails one test instead of the whole run: `node --import tsx run-big-input.ts <name>`.
// Prints one JSON line: size, milliseconds, and what analyze said.
import { analyze } from '../../server/src/core/index.js';
import { BIG_INPUTS } from './pathological-inputs.js';

const input = BIG_INPUTS.find((i) => i.name === process.argv[2]);
if (!input) throw new Error(`No big input named ${process.argv[2]}`);
const text = input.make();
const started = performance.now();
const { postmortem, problems } = analyze(text);
const ms = performance.now() - started;
console.log(JSON.stringify({ kb: Math.round(text.length / 1024), chars: text.length, ms: Math.round(ms), analysed: postmortem !== null, problems: problems.length, first: problems[0] && { rule: problems[0].rule, message: problems[0].message } }));
