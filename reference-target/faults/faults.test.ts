// A few faults switched on against the in-process target: each visibly breaks the clause it names.
import { afterEach, describe, expect, it } from 'vitest';
import { makePdu } from '../../harness/pdu/registry.js';
import { RawClient } from '../test-support/raw-client.js';
import { catalogue } from './catalogue.js';
import { startTestTarget, TEST_IQN } from '../test-support/start.js';

const open: { close(): unknown }[] = [];
afterEach(async () => { for (const o of open.splice(0)) await o.close(); });

async function loggedIn(fault: string) {
  const t = await startTestTarget({ faults: [fault] });
  open.push({ close: () => t.target.close(0) });
  const c = await RawClient.connect(t.port); open.push(c);
  const r = await c.login(TEST_IQN);
  c.cmdSN = r.rsp.expCmdSN;
  return { ...t, c, r };
}

describe('faults', () => {
  it('fault/tsih-zero: the final login response has TSIH 0', async () => {
    const { r } = await loggedIn('tsih-zero');
    expect(r.rsp.statusClass).toBe(0);
    expect(r.rsp.tsih).toBe(0);
  });
  it('fault/statsn-stuck: two responses carry the same StatSN', async () => {
    const { c } = await loggedIn('statsn-stuck');
    c.send(makePdu('NopOut', { immediate: true, itt: 1, ttt: 0xffffffff, cmdSN: c.cmdSN }));
    c.send(makePdu('NopOut', { immediate: true, itt: 2, ttt: 0xffffffff, cmdSN: c.cmdSN }));
    const a = await c.expect('NopIn'), b = await c.expect('NopIn');
    expect(a.statSN).toBe(b.statSN);
  });
  it('fault/crash-on-nop-ahs: a NOP-Out with an AHS crashes the target (only then)', async () => {
    const { c, crashes } = await loggedIn('crash-on-nop-ahs');
    c.send(makePdu('NopOut', { immediate: true, itt: 1, ttt: 0xffffffff, cmdSN: c.cmdSN }));
    await c.expect('NopIn');
    expect(crashes).toEqual([]);
    c.send(makePdu('NopOut', { immediate: true, itt: 2, ttt: 0xffffffff, cmdSN: c.cmdSN, ahs: [{ ahsType: 1, specific: 0, data: Buffer.alloc(3) }] }));
    await c.next(200);
    expect(crashes.length).toBe(1);
  });
  it('fault/reject-wrong-reason: an unknown opcode gets reason 0x09', async () => {
    const { c } = await loggedIn('reject-wrong-reason');
    const bhs = Buffer.alloc(48); bhs[0] = 0x1a;
    c.sendRaw(bhs);
    expect((await c.expect('Reject')).reason).toBe(0x09);
  });
  it('every iSCSI-layer fault can be switched on and a plain login + TEST UNIT READY still completes', async () => {
    for (const f of catalogue) {
      const t = await startTestTarget({ faults: [f.id] });
      const c = await RawClient.connect(t.port);
      try {
        const r = await c.login(TEST_IQN);
        expect(r.rsp.statusClass, f.id).toBe(0);
        c.send(makePdu('ScsiCommand', { final: true, itt: 0x10, cmdSN: r.rsp.expCmdSN, cdb: Buffer.alloc(16) }));
        const p = await c.next(500);
        expect(p?.type, f.id).toBe('ScsiResponse');
        expect(t.crashes, f.id).toEqual([]);
      } finally {
        c.close();
        await t.target.close(0);
      }
    }
  });
});
