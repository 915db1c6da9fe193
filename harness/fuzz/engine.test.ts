// The fuzz loop against the fake target: each planted fault is found and shrunk to a few steps with the same
// oracle; the same seed sends the same scripts; a clean target gives no finding.
import { afterAll, describe, expect, it } from 'vitest';
import { loadSeeds } from './corpus.js';
import { fuzz } from './engine.js';
import { modeNamed } from './modes/index.js';
import { startFakeTarget, type FakeTarget } from './test-support/fake-target.js';
import type { FakeFault } from './test-support/fake-session.js';
import type { FuzzTarget } from './target-process.js';

const started: FakeTarget[] = [];
afterAll(async () => { for (const t of started) await t.close(); });

/** An in-process fake wrapped as a restartable target whose planted crash counts as a process exit. */
async function fakeTarget(faults: FakeFault[]): Promise<FuzzTarget> {
  let t = await startFakeTarget({ faults });
  started.push(t);
  return {
    get url() { return t.url; }, spawned: true,
    exited: () => (t.crashed ? { code: 70, signal: null } : null),
    restart: async () => { await t.close(); t = await startFakeTarget({ faults }); started.push(t); },
    close: async () => { await t.close(); },
  };
}

const base = { seeds: loadSeeds(), targetName: 'iqn.2026-11.test:fake', timeouts: { stepMs: 300, probeMs: 1000 }, shrinkMs: 3000, maxFindings: 1 };

describe('fuzz', () => {
  it.each([
    ['crash-nop-13', 'ffp', 'exit'],
    ['hang-inquiry-1', 'cdb', 'hang'],
  ] as const)('finds the planted %s fault with mode %s and shrinks it (%s)', async (fault, mode, kind) => {
    const target = await fakeTarget([fault as FakeFault]);
    const { findings } = await fuzz({ ...base, target, mode: modeNamed(mode)!, seed: 1, runs: 3000, timeMs: 15_000 });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.verdict.kind).toBe(kind);
    expect(findings[0]!.steps.filter(s => s.op === 'send' || s.op === 'scsi').length).toBeLessThanOrEqual(2);
    // Nothing after the step that fired: those steps never ran.
    const at = findings[0]!.verdict.step;
    if (at !== undefined) expect(findings[0]!.steps).toHaveLength(at + 1);
  }, 40_000);

  it('sends the same scripts for the same seed', async () => {
    const target = await fakeTarget([]);
    const a = await fuzz({ ...base, target, mode: modeNamed('ffp')!, seed: 5, runs: 20 });
    const b = await fuzz({ ...base, target, mode: modeNamed('ffp')!, seed: 5, runs: 20 });
    expect(a.stats.pdusSent).toBe(b.stats.pdusSent);
    expect([...a.stats.signatures].sort()).toEqual([...b.stats.signatures].sort());
    expect(a.findings).toEqual([]);
  }, 40_000);
});
