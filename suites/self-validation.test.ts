// Self-validation (STYLE.md "Checker rules and faults"): every reference-target fault is caught by the cases it names,
// and the clean target passes every case except the known failures in profiles/reference-target-known.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../harness/check/checker.js';
import type { Capability, Case } from '../harness/runner/case.js';
import { loadCases } from '../harness/runner/registry.js';
import { runCases } from '../harness/runner/runner.js';
import { parseTargetUrl } from '../harness/runner/target-url.js';
import { faultCatalogue, listFaults, startTarget, type RunningTarget, type TargetConfigInput } from '../reference-target/index.js';

// The SCSI layer's faults (reference-target/scsi/faults.ts) have no caughtBy field; their catching cases are here.
const SCSI_CAUGHT_BY: Record<string, string[]> = {
  'fault/sense-unknown-opcode-wrong': ['spc/invalid-opcode/1'],
  'fault/read-beyond-end-ok': ['sbc/read10/3', 'sbc/read10/4'],
  'fault/write-lost': ['sbc/write10/3'],
  'fault/inquiry-alloc-overrun': ['spc/inquiry/100'],
  'fault/ua-never': ['rfc7143/11.5.1/8'],
  'fault/compare-and-write-no-miscompare': ['sbc/compare-and-write/100'],
  'fault/reserve-ignored': ['spc/reserve6/5'],
  'fault/crash-on-cdb-reserved-bit': ['sbc/read-capacity10/100'],
};
// Faults that only show with CHAP configured on the target.
const NEEDS_CHAP = new Set(['fault/chap-accept-any', 'fault/skip-security']);
const CHAP = { user: 'selfcheck', secret: 'selfchecksecret1' };
const LUNS = [0, 1].map(lun => ({ lun, backing: 'ram' as const, size: 16 * 1024 * 1024, blockSize: 512 as const }));
const FAILING = new Set(['fail', 'error', 'timeout']);

/** Runs `cases` against an in-process target with these faults; a crash fault closes the target instead of exiting. */
async function runAgainst(faults: string[], cases: readonly Case[], o: { chap?: boolean; jobs?: number; timeoutMs?: number } = {}) {
  let target: RunningTarget | undefined;
  const config: TargetConfigInput = { port: 0, luns: LUNS, faults, ...(o.chap ? { chap: CHAP } : {}) };
  target = await startTarget(config, { onCrash: () => { void target?.close(0); } });
  const url = o.chap ? target.url.replace('iscsi://', `iscsi://${CHAP.user}%${CHAP.secret}@`) : target.url;
  const caps = new Set<Capability>(['dataloss', 'writable', 'second-initiator', 'luns>=2', ...(o.chap ? ['chap' as const] : [])]);
  try {
    const r = await runCases({
      target: parseTargetUrl(url), caps, strict: false, seed: 1, cases, reporters: [], jobs: o.jobs ?? Math.max(1, cases.length),
      timeoutMs: o.timeoutMs ?? 1500, probeTimeoutMs: 1000, checker: () => createChecker({ mode: 'initiator' }),
    });
    return r.results;
  } finally {
    await target.close(0);
  }
}

const all = await loadCases();
const byId = new Map(all.map(c => [c.id, c]));
const faults = listFaults().map(f => ({ id: f.id, caughtBy: faultCatalogue.find(x => x.id === f.id)?.caughtBy ?? SCSI_CAUGHT_BY[f.id] ?? [] }));
const known = (JSON.parse(readFileSync(new URL('../profiles/reference-target-known.json', import.meta.url), 'utf8')) as { expectedFailures: { id: string }[] }).expectedFailures;

describe('self-validation: every fault names cases that exist', () => {
  it.each(faults.map(f => [f.id, f.caughtBy] as const))('%s', (_id, caughtBy) => {
    expect(caughtBy.length).toBeGreaterThan(0);
    for (const id of caughtBy) expect(byId.has(id), `case ${id} is registered`).toBe(true);
  });
});

describe('self-validation: each fault is caught by a case it names', () => {
  it.each(faults.map(f => [f.id, f.caughtBy] as const))('%s', async (id, caughtBy) => {
    const cases = caughtBy.map(c => byId.get(c)).filter((c): c is Case => c !== undefined);
    const chap = NEEDS_CHAP.has(id);
    const results = await runAgainst([id], cases, { chap });
    const caught = results.filter(r => FAILING.has(r.verdict));
    expect(caught.map(r => r.id), `${id} makes one of ${caughtBy.join(', ')} fail (got ${results.map(r => `${r.id}:${r.verdict}`).join(', ')})`).not.toHaveLength(0);
    if (chap) { // the chap cases need a chap target to pass in the clean run too
      const clean = await runAgainst([], cases, { chap });
      expect(clean.filter(r => FAILING.has(r.verdict)).map(r => r.id)).toEqual([]);
    }
  }, 15_000);
});

describe('self-validation: the clean target', () => {
  it('passes every case except the known failures', async () => {
    const results = await runAgainst([], all, { jobs: 8, timeoutMs: 3000 });
    const failing = results.filter(r => FAILING.has(r.verdict) && !known.some(k => k.id === r.id));
    expect(failing.map(r => `${r.id}: ${r.verdict} ${r.failure ? `${r.failure.expected} / ${r.failure.actual}` : r.reason ?? ''}`)).toEqual([]);
  }, 60_000);
});
