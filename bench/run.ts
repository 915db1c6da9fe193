// `npm run bench`: every benchmark, one table, each figure beside its ceiling and goal.
import { benchCodec } from './codec.js';
import { benchConformance } from './conformance.js';
import { benchCrcFramer } from './crc-framer.js';
import { benchFuzz } from './fuzz.js';
import { benchTargetPerf } from './target-perf.js';
import type { BenchRow } from './types.js';

const suites: Array<[string, () => Promise<BenchRow[]>]> = [
  ['codec', benchCodec],
  ['crc32c + framer', benchCrcFramer],
  ['fuzz', benchFuzz],
  ['conformance run vs iscsi-test-cu (issue 7)', benchConformance],
  ['reference target vs tgtd (iscsi-perf)', benchTargetPerf],
];

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

console.log(`iscsi-conformance bench — node ${process.version}, ${new Date().toISOString()}`);
let missed = 0;
// `npm run bench -- fuzz target` runs only the suites whose name contains one of the words.
const wanted = process.argv.slice(2).map(a => a.toLowerCase());
for (const [name, run] of suites.filter(([n]) => wanted.length === 0 || wanted.some(w => n.toLowerCase().includes(w)))) {
  console.log(`\n## ${name}`);
  for (const r of await run()) {
    const goal = r.goal === undefined ? '' : ` goal ≥ ${r.goal} ${r.unit} ${r.value >= r.goal ? 'met' : 'MISSED'}`;
    if (r.goal !== undefined && r.value < r.goal) missed++;
    const ceil = r.ceiling ? `  (${(r.value / r.ceiling.value * 100).toFixed(0)}% of ceiling "${r.ceiling.name}" = ${fmt(r.ceiling.value)} ${r.unit})` : '';
    console.log(`${r.name.padEnd(52)} ${fmt(r.value).padStart(8)} ${r.unit}${ceil}${goal}`);
  }
}
console.log(missed ? `\n${missed} goal(s) missed` : '\nall goals met');
