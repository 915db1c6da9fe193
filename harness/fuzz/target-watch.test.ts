// A remote target that dies mid-run (the fake's planted crash closes its listener, as a crashed tgtd does): the
// run stops with "target unreachable", keeping the script that killed it with the capture of that run, and
// shrinks or re-runs nothing against the dead target. A target that comes back (restarted on its port) is fuzzed on.
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../script/run-script.js';
import { loadSeeds } from './corpus.js';
import { fuzz } from './engine.js';
import { modeNamed } from './modes/index.js';
import { remoteTarget } from './target-process.js';
import { startFakeTarget, type FakeTarget } from './test-support/fake-target.js';

const started: FakeTarget[] = [];
afterAll(async () => { for (const t of started) await t.close(); });
const start = async (o: Parameters<typeof startFakeTarget>[0]): Promise<FakeTarget> => { const t = await startFakeTarget(o); started.push(t); return t; };

const base = { seeds: loadSeeds(), targetName: 'iqn.2026-11.test:fake', timeouts: { stepMs: 300, probeMs: 1000 }, shrinkMs: 3000, mode: modeNamed('ffp')!, seed: 1, runs: 3000, timeMs: 20_000 };
/** pcap global header only: a capture with no packets. */
const EMPTY_PCAP = 24;

describe('fuzz against a remote target that dies', () => {
  it('stops with "target unreachable" and keeps the script that killed it, with its pcap, not re-run', async () => {
    const t = await start({ faults: ['crash-nop-13'] });
    const waits: boolean[] = [];
    const r = await fuzz({ ...base, target: remoteTarget(t.url), targetWaitMs: 300, onProgress: s => { if (waits.at(-1) !== s.targetDown) waits.push(s.targetDown); } });
    expect(t.crashed).toBe(true);
    expect(r.stoppedBecause).toBe('target unreachable');
    expect(waits).toContain(true); // the progress line said so while it waited
    // Nothing was shrunk against the dead target into "connect, probe".
    expect(r.findings.filter(f => f.verdict.rule === 'connect')).toEqual([]);
    const gone = r.findings.at(-1)!;
    expect(gone.verdict).toMatchObject({ kind: 'unreachable', rule: 'target-gone' });
    expect(gone.notRerun).toBe('target unreachable');
    expect(gone.capture!.length).toBeGreaterThan(EMPTY_PCAP);
    // The kept script is the one that kills the target.
    const fresh = await start({ faults: ['crash-nop-13'] });
    await runScript({ steps: gone.steps }, { url: fresh.url, timeouts: base.timeouts });
    expect(fresh.crashed).toBe(true);
  }, 40_000);

  it('fuzzes on when the target comes back within the wait (restarted on its port)', async () => {
    let port = 0, back: FakeTarget | undefined;
    // A supervisor's restart: a clean target on the same port a moment after the crash.
    const t = await start({ faults: ['crash-nop-13'], onCrash: () => { setTimeout(() => { void start({ port }).then(b => { back = b; }); }, 100); } });
    port = t.port;
    // Seed 1 reaches the crash after about 390 scripts; a few hundred more show the run went on.
    const r = await fuzz({ ...base, target: remoteTarget(t.url), targetWaitMs: 5000, runs: 600, timeMs: 80_000 });
    expect(t.crashed).toBe(true);
    expect(back).toBeDefined();
    expect(r.stoppedBecause).toBe('runs');
    expect(r.findings.filter(f => f.verdict.rule === 'target-gone')).toEqual([]);
  }, 90_000);
});
