// Runs every SBC section against an in-process reference target (RAM LUN, dataloss allowed): each case
// must pass, skip for a stated reason, or be listed in profiles/reference-target-known.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTarget, type RunningTarget } from '../../reference-target/index.js';
import { collectCases } from '../../harness/runner/case.js';
import { ProfileSchema, type Profile } from '../../harness/runner/profile.js';
import { runCases } from '../../harness/runner/runner.js';
import { parseTargetUrl } from '../../harness/runner/target-url.js';
import { createChecker } from '../../harness/check/checker.js';
import { sbcSections } from './index.js';

const PROFILE = fileURLToPath(new URL('../../profiles/reference-target-known.json', import.meta.url));

function knownFailures(): Profile {
  try { return ProfileSchema.parse(JSON.parse(readFileSync(PROFILE, 'utf8'))); } catch { return { expectedFailures: [] }; }
}

let target: RunningTarget;
beforeAll(async () => {
  // 64 MiB like the bundled target: past MAXIMUM WRITE SAME LENGTH, so the limit cases run; RAM LUNs are sparse.
  target = await startTarget({ port: 0, luns: [{ lun: 0, backing: 'ram', size: 64 * 1024 * 1024, blockSize: 512 }] });
});
afterAll(async () => { await target?.close(500); });

describe('SBC sections against the reference target', () => {
  it('has at least 140 cases with unique IDs', () => {
    expect(collectCases(sbcSections).length).toBeGreaterThanOrEqual(140);
  });

  it('every case passes, skips with a reason, or is a known failure', async () => {
    const cases = collectCases(sbcSections);
    const out = await runCases({
      target: parseTargetUrl(target.url), caps: new Set(['dataloss', 'writable']), strict: false, seed: 1, cases, reporters: [], jobs: 4,
      profile: knownFailures(), checker: () => createChecker({ mode: 'initiator' }),
    });
    const bad = out.results.filter(r => !['pass', 'skip', 'xfail'].includes(r.verdict))
      .map(r => `${r.id} ${r.verdict}: ${r.failure ? `expected ${r.failure.expected}; got ${r.failure.actual}` : r.reason ?? ''}`);
    if (process.env.SBC_VERBOSE) for (const r of out.results) console.log(r.verdict, r.durationMs, r.id, r.reason ?? '', r.notes.join('; '));
    expect(bad).toEqual([]);
    for (const r of out.results.filter(x => x.verdict === 'skip')) expect(r.reason, r.id).toBeTruthy();
  }, 20_000);
  // The reference target's SBC faults (reference-target/scsi/faults.ts) are each caught by the cases named here.
  const caughtBy: Record<string, string[]> = {
    'fault/read-beyond-end-ok': ['sbc/read6/3', 'sbc/read10/3', 'sbc/read12/4', 'sbc/read16/5'],
    'fault/write-lost': ['sbc/write6/1', 'sbc/write16/1'],
    'fault/compare-and-write-no-miscompare': ['sbc/compare-and-write/2'],
  };
  for (const [fault, ids] of Object.entries(caughtBy)) {
    it(`${fault} is caught by ${ids.join(', ')}`, async () => {
      const bad = await startTarget({ port: 0, faults: [fault], luns: [{ lun: 0, backing: 'ram', size: 64 * 1024 * 1024, blockSize: 512 }] });
      try {
        const cases = collectCases(sbcSections).filter(c => ids.includes(c.id));
        const out = await runCases({ target: parseTargetUrl(bad.url), caps: new Set(['dataloss', 'writable']), strict: false, seed: 1, cases, reporters: [], jobs: 1 });
        expect(out.results.map(r => `${r.id} ${r.verdict}`)).toEqual(ids.map(id => `${id} fail`));
      } finally { await bad.close(500); }
    });
  }
});
