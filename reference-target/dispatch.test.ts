// Dispatch phase table (RFC 7143 §4.2.4, §4.3): what is accepted before, during and after login, and in Discovery.
import { afterEach, describe, expect, it } from 'vitest';
import { makePdu } from '../harness/pdu/registry.js';
import { encodeText } from '../harness/text/codec.js';
import { RawClient } from './test-support/raw-client.js';
import { startTestTarget, TEST_IQN } from './test-support/start.js';

const open: { close(): unknown }[] = [];
afterEach(async () => { for (const o of open.splice(0)) await o.close(); });

async function connect(cfg = {}) {
  const t = await startTestTarget(cfg);
  open.push({ close: () => t.target.close(0) });
  const c = await RawClient.connect(t.port); open.push(c);
  return { ...t, c };
}

/** A logged-in Discovery session. */
async function discovery(cfg = {}) {
  const t = await connect(cfg);
  const r = await t.c.login(undefined);
  expect(r.rsp.statusClass).toBe(0);
  t.c.cmdSN = r.rsp.expCmdSN;
  return t;
}

/** A first Login Request that stays in the security stage (T=0), so the login phase has started. */
async function midLogin(itt: number) {
  const t = await connect();
  const r = await t.c.loginStep({ transit: false, csg: 0, nsg: 1, itt, isid: 0x400001370042 }, [
    { key: 'InitiatorName', value: 'iqn.2026-11.test:init' }, { key: 'TargetName', value: TEST_IQN }, { key: 'AuthMethod', value: 'None' }]);
  expect(r.rsp.statusClass).toBe(0);
  return t;
}

describe('dispatch: login phase (§4.2.4)', () => {
  it('terminates the connection on a NOP-Out before any Login Request, answering nothing', async () => {
    const { c } = await connect();
    c.send(makePdu('NopOut', { immediate: true, itt: 0x10, ttt: 0xffffffff }));
    expect(await c.next(1000)).toBeNull();
    expect(c.closed).toBe(true);
  });

  it('answers a NOP-Out or Text Request during login with 0x020b in the login task (its ITT and ISID, CSG 0)', async () => {
    for (const send of [
      (c: RawClient) => c.send(makePdu('NopOut', { immediate: true, itt: 0x77, ttt: 0xffffffff })),
      (c: RawClient) => c.send(makePdu('TextRequest', { immediate: true, final: true, itt: 0x77, ttt: 0xffffffff, data: encodeText([{ key: 'SendTargets', value: 'All' }]) })),
    ]) {
      const { c } = await midLogin(0x1234);
      send(c);
      const r = await c.expect('LoginResponse');
      expect((r.statusClass << 8) | r.statusDetail).toBe(0x020b);
      expect(r.itt).toBe(0x1234);
      expect(r.isid).toBe(0x400001370042);
      expect([r.csg, r.nsg, r.transit]).toEqual([0, 0, false]);
      expect(await c.waitClosed()).toBe(true);
    }
  });
});

describe('dispatch: Discovery session (§4.3)', () => {
  it('rejects a NOP-Out ping instead of answering it', async () => {
    const { c } = await discovery();
    c.send(makePdu('NopOut', { immediate: true, itt: 5, ttt: 0xffffffff, cmdSN: c.cmdSN }));
    const rej = await c.expect('Reject');
    expect(rej.reason).toBe(0x04);
    expect(rej.data.readUInt32BE(16)).toBe(5);
  });

  it('rejects a Logout closing the connection (reason 1) and accepts one closing the session (reason 0)', async () => {
    const { c } = await discovery();
    c.send(makePdu('LogoutRequest', { immediate: true, final: true, reasonCode: 1, itt: 6, cid: 0, cmdSN: c.cmdSN }));
    expect((await c.expect('Reject')).reason).toBe(0x04);
    c.send(makePdu('LogoutRequest', { immediate: true, final: true, reasonCode: 0, itt: 7, cid: 0, cmdSN: c.cmdSN }));
    const r = await c.expect('LogoutResponse');
    expect([r.itt, r.response]).toEqual([7, 0]);
    expect(await c.waitClosed()).toBe(true);
  });

  it('rejects a Text Request without SendTargets', async () => {
    const { c } = await discovery();
    c.send(makePdu('TextRequest', { immediate: true, final: true, itt: 8, ttt: 0xffffffff, cmdSN: c.cmdSN, data: encodeText([{ key: 'MaxBurstLength', value: '65536' }]) }));
    expect((await c.expect('Reject')).reason).toBe(0x04);
  });

  it('sends no idle NOP-In ping, whose NOP-Out answer it would have to reject', async () => {
    const { c } = await discovery({ limits: { nopInIntervalMs: 50 } });
    expect(await c.next(400)).toBeNull();
  });
});
