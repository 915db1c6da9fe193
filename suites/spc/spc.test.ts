// Runs every SPC section against an in-process reference target (RAM LUN, dataloss, a second initiator
// name from the URL): each case must pass, skip for a stated reason, or be listed in profiles/reference-target-known.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectCases, type Capability } from '../../harness/runner/case.js';
import { createChecker } from '../../harness/check/checker.js';
import { runCases } from '../../harness/runner/runner.js';
import { parseTargetUrl } from '../../harness/runner/target-url.js';
import { startTarget, type RunningTarget } from '../../reference-target/index.js';
import { referenceProfile, unexpected } from '../test-support/reference-run.js';
import { spcSections } from './index.js';

let target: RunningTarget;
beforeAll(async () => {
  target = await startTarget({ port: 0, luns: [{ lun: 0, backing: 'ram', size: 64 * 1024 * 1024, blockSize: 512 }] });
});
afterAll(async () => { await target?.close(500); });

describe('SPC sections against the reference target', () => {
  it('has at least 110 cases with unique IDs, each exclusive case destructive', () => {
    const cases = collectCases(spcSections);
    expect(cases.length).toBeGreaterThanOrEqual(110);
    // Exclusive cases change LU state; without --dataloss they must not run at all.
    expect(cases.filter(c => c.exclusive && !c.requires.includes('dataloss')).map(c => c.id)).toEqual([]);
  });

  it('every case passes, skips with a reason, or is a known failure', async () => {
    const info = parseTargetUrl(target.url);
    expect(info.initiatorName2).toBeTruthy();
    const caps = new Set<Capability>(['dataloss', 'writable', 'second-initiator']);
    const { results } = await runCases({
      target: info, caps, strict: false, seed: 1, cases: collectCases(spcSections), reporters: [], jobs: 4,
      profile: referenceProfile(), checker: () => createChecker({ mode: 'initiator' }),
    });
    if (process.env.SPC_VERBOSE) for (const r of results) console.log(r.verdict, r.durationMs, r.id, r.reason ?? '', r.notes.join('; '));
    expect(unexpected(results)).toEqual([]);
    for (const r of results.filter(x => x.verdict === 'skip')) expect(r.reason, r.id).toBeTruthy();
  }, 20_000);

  it('without dataloss every destructive case skips and the rest still pass', async () => {
    const { results } = await runCases({
      target: parseTargetUrl(target.url), caps: new Set<Capability>(), strict: false, seed: 1, cases: collectCases(spcSections), reporters: [], jobs: 4,
      profile: referenceProfile(), checker: () => createChecker({ mode: 'initiator' }),
    });
    expect(unexpected(results)).toEqual([]);
    const destructive = new Set(collectCases(spcSections).filter(c => c.requires.includes('dataloss')).map(c => c.id));
    expect(results.filter(r => destructive.has(r.id) && r.verdict !== 'skip').map(r => r.id)).toEqual([]);
  }, 20_000);
});
