// The Performance table in README.md, from the latest `npm run bench` (bench/results.json).
// Generated so the README can only say what the last run measured, with the conditions it ran in.

export interface BenchResults {
  machine: { cpu: string; cores: number; memoryGB: number; node: string; date: string };
  loadAverage: Record<string, number>;
  quick: boolean;
  targets: { name: string; target: string; measured: string; pass: boolean | null }[];
  notes: string[];
}

const verdict = (pass: boolean | null) => (pass === null ? 'not measured' : pass ? 'met' : '**missed**');

export function performanceTable(results: BenchResults): string {
  const { machine, loadAverage, quick, targets, notes } = results;
  const loads = Object.values(loadAverage);
  const low = Math.min(...loads).toFixed(1);
  const high = Math.max(...loads).toFixed(1);
  const when = machine.date.slice(0, 16).replace('T', ' ');
  const lines = [
    `Latest run: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}, ${when} UTC, ` +
      `load average ${low === high ? low : `${low}–${high}`} during the run${quick ? ' (a `--quick` run: fewer samples)' : ''}. ` +
      `${targets.filter((t) => t.pass === true).length} of ${targets.length} targets met.`,
    '',
    '| Target | Wanted | Measured | |',
    '| --- | --- | --- | --- |',
    ...targets.map((t) => `| ${t.name} | ${t.target} | ${t.measured} | ${verdict(t.pass)} |`),
  ];
  if (notes.length) lines.push('', ...notes.map((note) => `Note: ${note}.`));
  return lines.join('\n');
}
