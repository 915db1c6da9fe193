// TMF session command: a TARGET COLD RESET ends every connection (§11.5.1), so the script expects the answer or the
// close and logs in again; against the reference target that script fires no oracle (it used to: a "reset" finding).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../check/checker.js';
import { startTarget, type RunningTarget } from '../../../reference-target/index.js';
import { runScript } from '../../script/run-script.js';
import type { SessionModel, StepSink } from './model.js';
import { TmfCommand } from './tmf-command.js';
import { WriteCommand } from './write-command.js';

let t: RunningTarget;
beforeAll(async () => { t = await startTarget({ host: '127.0.0.1', port: 0 }); });
afterAll(async () => { await t.close(0); });

const steps = (fn: number) => {
  const m: SessionModel = { written: new Map(), loggedIn: true };
  const r: StepSink = { steps: [{ op: 'login' }] };
  new TmfCommand(fn, 0xffffffff).run(m, r);
  return { m, r };
};

describe('TmfCommand', () => {
  it('pings after an ordinary TMF, and reconnects after a TARGET COLD RESET', () => {
    expect(steps(5).r.steps.map(s => s.op)).toEqual(['login', 'send', 'nop']);
    expect(steps(7).r.steps.map(s => s.op)).toEqual(['login', 'send', 'expect', 'disconnect', 'connect', 'login']);
  });

  it('a write after a cold reset lands on the new session, with no oracle firing', async () => {
    const { m, r } = steps(7);
    new WriteCommand(3, 1, 0x5a).run(m, r);
    const res = await runScript({ steps: [...r.steps, { op: 'probe' }] }, { url: t.url, checker: () => createChecker({ mode: 'initiator' }) });
    expect(res.verdict).toBeNull();
  });
});
