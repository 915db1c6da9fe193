// `npm run test:fuzz`: the reference target's rare-trigger faults (crash, hang, wrong answer) must each be found
// by the fuzzer within 60 s for seeds 1..5, with the bundled target spawned as a child, and shrunk to a few PDUs.
// Usage: tsx harness/fuzz/planted.ts [--seeds 1..5] [--time 60] [--fault fault/x ...]
import { createChecker } from '../check/checker.js';
import type { OracleVerdict } from '../script/result.js';
import { loadSeeds } from './corpus.js';
import { fuzz } from './engine.js';
import { INTERNAL_FAILURE_RULE } from './internal-failure.js';
import { allMode } from './modes/index.js';
import { bundledTargetCommand, spawnTarget } from './target-process.js';

/** Each planted fault and the oracle that proves it was found. */
export const PLANTED: ReadonlyArray<{ fault: string; found: (v: OracleVerdict) => boolean }> = [
  { fault: 'fault/crash-on-nop-ahs', found: v => v.kind === 'exit' },
  // The reference target catches the throw and answers HARDWARE ERROR, INTERNAL TARGET FAILURE: the crash shows there.
  { fault: 'fault/crash-on-cdb-reserved-bit', found: v => v.kind === 'exit' || ((v.kind === 'reset' || v.rule === INTERNAL_FAILURE_RULE) && /opcode 0x25/.test(v.message)) },
  { fault: 'fault/hang-on-tmf-11', found: v => v.kind === 'hang' },
  { fault: 'fault/hang-on-time2wait-3600', found: v => v.kind === 'hang' && v.rule === 'rfc7143/11.13' },
  { fault: 'fault/unknown-opcode-silence', found: v => v.kind === 'hang' && v.rule === 'rfc7143/11.17' },
  { fault: 'fault/wrong-itt-echo', found: v => v.rule.startsWith('rfc7143/11.4:') || v.rule === 'check/itt-known' },
  { fault: 'fault/datasn-restarts', found: v => /datasn/.test(v.rule) },
];

const arg = (name: string): string | undefined => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const [lo, hi] = (arg('--seeds') ?? '1..5').split('..').map(Number) as [number, number];
const timeMs = Number(arg('--time') ?? 60) * 1000;
const only = process.argv.flatMap((a, i) => (a === '--fault' ? [process.argv[i + 1]!] : []));
let missed = 0;
console.log('fault                              seed  found  after(s)  shrink(s)  PDUs-in-repro  oracle');
for (const p of PLANTED.filter(x => only.length === 0 || only.includes(x.fault))) {
  for (let seed = lo; seed <= (hi ?? lo); seed++) {
    const target = await spawnTarget(bundledTargetCommand([p.fault]));
    try {
      const r = await fuzz({
        target, mode: allMode, seed, timeMs, seeds: loadSeeds(), targetName: 'iqn.2026-11.org.iscsi-conformance:target0',
        timeouts: { stepMs: 1000, probeMs: 2000 }, shrinkMs: 15_000, maxFindings: 50,
        checker: () => createChecker({ mode: 'initiator' }),
        // Other findings (the clean target's own checker disagreements) are passed over: this run looks for one fault.
        ignore: v => !p.found(v), stopWhen: f => p.found(f.verdict),
      });
      const f = r.findings.find(x => p.found(x.verdict));
      if (!f) missed++;
      // The session's plain login is scaffolding; a login step with drawn keys is part of the finding (one request).
      const pdus = f ? f.steps.filter(s => s.op === 'send' || s.op === 'scsi' || s.op === 'nop' || (s.op === 'login' && s.keys !== undefined)).length : 0;
      console.log(`${p.fault.padEnd(34)} ${String(seed).padStart(4)}  ${f ? 'yes' : 'NO '}  ${f ? (f.foundAfterMs / 1000).toFixed(1).padStart(8) : '       -'}  ${f ? (f.shrinkMs / 1000).toFixed(1).padStart(9) : '        -'}  ${String(pdus).padStart(13)}  ${f ? `${f.verdict.kind} ${f.verdict.rule}` : `(${r.stats.runs} scripts)`}`);
      if (f && process.argv.includes('--show')) console.log(JSON.stringify(f.steps));
    } finally { await target.close(); }
  }
}
console.log(missed ? `${missed} fault/seed pair(s) not found` : 'every planted fault found with every seed');
process.exitCode = missed ? 1 : 0;
