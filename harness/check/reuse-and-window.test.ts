// Our own deliberate initiator errors must not be blamed on the target: a Login Request in FFP,
// a CmdSN far outside the window, an ITT reused while it names a task (found by the fuzzer).
import { describe, expect, it } from 'vitest';
import { encodePdu, makePdu } from '../pdu/registry.js';
import { encodeText } from '../text/codec.js';
import { createChecker } from './checker.js';

function loggedIn() {
  const c = createChecker({ mode: 'initiator' });
  c.onInitiatorPdu(makePdu('LoginRequest', { immediate: true, transit: true, csg: 1, nsg: 3, cmdSN: 1, itt: 1 }));
  c.onTargetPdu(makePdu('LoginResponse', { transit: true, csg: 1, nsg: 3, tsih: 5, itt: 1, statSN: 0, expCmdSN: 1, maxCmdSN: 32 }));
  return c;
}
const reject = (statSN: number) => makePdu('Reject', { reason: 4, itt: 0xffffffff, statSN, expCmdSN: 1, maxCmdSN: 32, data: Buffer.alloc(48) });

describe('checker: initiator errors made on purpose', () => {
  it('a Login Request in Full Feature Phase answered with Reject is no phase violation (§4.2.4)', () => {
    const c = loggedIn();
    c.onInitiatorPdu(makePdu('LoginRequest', { immediate: false, csg: 0, nsg: 1, cmdSN: 1, itt: 7 }));
    expect(c.onTargetPdu(reject(1)).map(v => v.rule)).not.toContain('check/opcode-phase');
  });

  it('a CmdSN far outside the window does not raise what ExpCmdSN may acknowledge (§4.2.2.1)', () => {
    const c = loggedIn();
    c.onInitiatorPdu(makePdu('NopOut', { immediate: false, final: true, cmdSN: 0x80000001, itt: 9, ttt: 0xffffffff }));
    c.onInitiatorPdu(makePdu('NopOut', { immediate: true, final: true, cmdSN: 1, itt: 10, ttt: 0xffffffff }));
    const nopIn = makePdu('NopIn', { final: true, itt: 10, ttt: 0xffffffff, statSN: 1, expCmdSN: 1, maxCmdSN: 32 });
    expect(c.onTargetPdu(nopIn).map(v => v.rule)).toEqual([]);
  });

  it('a SCSI Command reusing an outstanding ITT: the two answers are not a repeated status', () => {
    const c = loggedIn();
    const cmd = makePdu('ScsiCommand', { immediate: true, final: true, itt: 2, cmdSN: 1 });
    c.onInitiatorPdu(cmd); c.onInitiatorPdu(cmd);
    const r = makePdu('ScsiResponse', { final: true, itt: 2, statSN: 1, expCmdSN: 1, maxCmdSN: 32 });
    expect([...c.onTargetPdu(r), ...c.onTargetPdu({ ...r, statSN: 2 })].map(v => v.rule)).not.toContain('check/status-once');
  });

  it('a continued Text Request abandoned for a new ITT: the new request is judged alone (found by the fuzzer)', () => {
    const c = loggedIn();
    c.onInitiatorPdu(makePdu('TextRequest', { continue: true, itt: 2, ttt: 0, cmdSN: 1, data: Buffer.from([1]) }));
    c.onInitiatorPdu(makePdu('TextRequest', { final: true, itt: 3, ttt: 0xffffffff, cmdSN: 2, data: encodeText([{ key: 'SendTargets', value: '' }]) }));
    const answer = makePdu('TextResponse', { final: true, itt: 3, ttt: 0xffffffff, statSN: 1, expCmdSN: 3, maxCmdSN: 34,
      data: encodeText([{ key: 'TargetName', value: 'iqn.2026-11.x:t' }, { key: 'TargetAddress', value: '127.0.0.1:3260,1' }]) });
    expect(c.onTargetPdu(answer).map(v => v.rule)).toEqual([]);
  });

  it('a Login Response is judged against its own request, not a later one already sent (found by the fuzzer)', () => {
    const c = createChecker({ mode: 'initiator' });
    c.onInitiatorPdu(makePdu('LoginRequest', { continue: true, csg: 0, nsg: 0, itt: 1, cmdSN: 1 }));
    c.onInitiatorPdu(makePdu('LoginRequest', { csg: 0, nsg: 0, versionMin: 51, itt: 2, cmdSN: 2 }));
    const prompt = makePdu('LoginResponse', { csg: 0, nsg: 0, itt: 1, statSN: 0, expCmdSN: 1, maxCmdSN: 128 });
    expect(c.onTargetPdu(prompt).map(v => v.rule)).not.toContain('check/login-version');
  });

  it('the offers of a rejected Text Request await no answer (found by the fuzzer)', () => {
    const c = loggedIn();
    const first = makePdu('TextRequest', { itt: 2, ttt: 0, cmdSN: 1, data: encodeText([{ key: 'MaxBurstLength', value: '0512' }]) });
    c.onInitiatorPdu(first);
    c.onInitiatorPdu(makePdu('TextRequest', { final: true, itt: 3, ttt: 0xffffffff, cmdSN: 2 }));
    const { bhs } = encodePdu(first);
    expect(c.onTargetPdu(makePdu('Reject', { reason: 9, itt: 0xffffffff, statSN: 1, expCmdSN: 2, maxCmdSN: 33, data: bhs })).map(v => v.rule)).toEqual([]);
    const answer = makePdu('TextResponse', { final: true, itt: 3, ttt: 0xffffffff, statSN: 2, expCmdSN: 3, maxCmdSN: 34 });
    expect(c.onTargetPdu(answer).map(v => v.rule)).toEqual([]);
  });
});
