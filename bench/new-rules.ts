// The cost of the issue-13 rules (action-item-incomplete, missing-field, field-value,
// timeline-milestones, placeholder-text, blameless-language) on cold analysis of a 100 KB
// postmortem: the same document and template analysed with them on and off, interleaved, order
// swapped each round, GC between samples; the figure is the median of the round-by-round ratios.
// Run alone (`node --expose-gc --import tsx bench/new-rules.ts`) or as a row of `npm run bench`.
import { pathToFileURL } from 'node:url';
import { analyze, getBuiltinTemplate, mergeTemplate, type Template } from '../server/src/core/index.js';
import { generatePostmortem } from './generate.js';
import { collect, median } from './stats.js';

export const NEW_RULES = ['action-item-incomplete', 'missing-field', 'field-value', 'timeline-milestones', 'placeholder-text', 'blameless-language'] as const;

/** The default template with every new kind of data on, so each new rule has work to do. */
function busyTemplate(): Template {
  const sre = getBuiltinTemplate('google-sre')!;
  return { ...mergeTemplate(getBuiltinTemplate('default')!, {}), fields: ['Duration', 'Severity', 'Status'], actionItems: { require: ['owner', 'ticket', 'due'] }, milestones: sre.milestones, blameless: sre.blameless };
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export interface NewRulesResult {
  bytes: number;
  rounds: number;
  onMs: number;
  offMs: number;
  /** on ÷ off, median of the rounds. */
  ratio: number;
}

export function measureNewRules(bytes = 100 * 1024, rounds = 25): NewRulesResult {
  const text = generatePostmortem(bytes, 1);
  const template = busyTemplate();
  const off = Object.fromEntries(NEW_RULES.map((rule) => [rule, 'off' as const]));
  const runs = { on: () => analyze(text, { template }), off: () => analyze(text, { template, rules: off }) };
  for (let i = 0; i < 5; i++) (runs.on(), runs.off());
  const times: Record<'on' | 'off', number[]> = { on: [], off: [] };
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
    const sample: Partial<Record<'on' | 'off', number>> = {};
    for (const which of order) {
      collect();
      const start = cpuNow();
      runs[which]();
      sample[which] = cpuNow() - start;
      times[which].push(sample[which]!);
    }
    ratios.push(sample.on! / sample.off!);
  }
  return { bytes: Buffer.byteLength(text), rounds, onMs: median(times.on), offMs: median(times.off), ratio: median(ratios) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = measureNewRules();
  console.log(`| 100 KB cold analysis, new rules on ÷ off | ${r.onMs.toFixed(1)} ms | ${r.offMs.toFixed(1)} ms | ${r.ratio.toFixed(3)}× | target ≤ 1.10× ${r.ratio <= 1.1 ? 'PASS' : 'MISS'} |`);
}
