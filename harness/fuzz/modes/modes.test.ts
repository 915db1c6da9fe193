// Every mode generates scripts the schema accepts, the same ones for the same seed, and runnable ones.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../../script/run-script.js';
import { scriptSchema } from '../../script/schema.js';
import { loadSeeds } from '../corpus.js';
import { startFakeTarget, type FakeTarget } from '../test-support/fake-target.js';
import { MODES } from './index.js';

const ctx = { seeds: loadSeeds(), maxBody: 4, targetName: 'iqn.2026-11.test:fake' };
let t: FakeTarget;
beforeAll(async () => { t = await startFakeTarget(); });
afterAll(async () => { await t.close(); });

describe.each(MODES.map(m => [m.name, m] as const))('mode %s', (_name, mode) => {
  it('gives schema-valid scripts, the same for the same seed', () => {
    const a = fc.sample(mode.arbitrary(ctx), { seed: 42, numRuns: 30 });
    const b = fc.sample(mode.arbitrary(ctx), { seed: 42, numRuns: 30 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    for (const steps of a) expect(scriptSchema.safeParse({ steps }).success).toBe(true);
  });

  it('runs against the clean fake target without a finding', async () => {
    for (const steps of fc.sample(mode.arbitrary(ctx), { seed: 7, numRuns: 8 })) {
      const r = await runScript({ steps }, { url: t.url, timeouts: { stepMs: 1000 } });
      expect(r.verdict, JSON.stringify(steps)).toBeNull();
    }
  });
});
