// Hostile input: lying lengths, garbage, unknown opcodes, wrong phase; the target answers per RFC and keeps serving.
import { afterEach, describe, expect, it } from 'vitest';
import { encodePdu, makePdu } from '../harness/pdu/registry.js';
import { RawClient } from './test-support/raw-client.js';
import { startTestTarget, TEST_IQN } from './test-support/start.js';

const open: { close(): unknown }[] = [];
afterEach(async () => { for (const o of open.splice(0)) await o.close(); });

async function target(cfg = {}) {
  const t = await startTestTarget(cfg);
  open.push({ close: () => t.target.close(0) });
  return t;
}
async function client(port: number, login = true) {
  const c = await RawClient.connect(port);
  open.push(c);
  if (login) { const r = await c.login(TEST_IQN); c.cmdSN = r.rsp.expCmdSN; }
  return c;
}

describe('hostile input', () => {
  it('refuses a DataSegmentLength over our MaxRecvDataSegmentLength before buffering: Reject 0x04, then close', async () => {
    const t = await target({ limits: { maxRecvDataSegmentLength: 8192 } });
    const c = await client(t.port);
    c.send(makePdu('NopOut', { immediate: true, itt: 1, ttt: 0xffffffff, cmdSN: c.cmdSN }), { dataSegmentLength: 0xffffff });
    const rej = await c.expect('Reject');
    expect(rej.reason).toBe(0x04);
    expect(rej.data.subarray(5, 8).readUIntBE(0, 3)).toBe(0xffffff);
    expect(await c.waitClosed()).toBe(true);
    expect(t.logger.lines.some(l => l.includes('ERR_DATA_SEGMENT_TOO_LONG'))).toBe(true);
    const other = await client(t.port);
    other.send(makePdu('NopOut', { immediate: true, itt: 2, ttt: 0xffffffff, cmdSN: other.cmdSN }));
    expect((await other.expect('NopIn')).itt).toBe(2);
  });

  it('survives garbage bytes: the connection ends with a logged reason, other sessions keep working', async () => {
    const t = await target();
    const good = await client(t.port);
    const bad = await client(t.port, false);
    bad.sendRaw(Buffer.alloc(4096, 0xff));
    expect(await bad.waitClosed()).toBe(true);
    good.send(makePdu('NopOut', { immediate: true, itt: 3, ttt: 0xffffffff, cmdSN: good.cmdSN }));
    expect((await good.expect('NopIn')).itt).toBe(3);
    expect(t.logger.lines.some(l => /closed: /.test(l))).toBe(true);
  });

  it('rejects an unknown opcode with reason 0x05 and carries its header back', async () => {
    const t = await target();
    const c = await client(t.port);
    const bhs = Buffer.alloc(48); bhs[0] = 0x1a; bhs.writeUInt32BE(0x1234, 16);
    c.sendRaw(bhs);
    const rej = await c.expect('Reject');
    expect(rej.reason).toBe(0x05);
    expect(rej.itt).toBe(0xffffffff);
    expect(rej.data.subarray(0, 48).equals(bhs)).toBe(true);
  });

  it('closes on a non-login PDU before the login phase has started, without answering (§4.2.4)', async () => {
    const t = await target();
    const c = await client(t.port, false);
    c.send(makePdu('NopOut', { immediate: true, itt: 1, ttt: 0xffffffff }));
    expect(await c.next(1000)).toBeNull();
    expect(c.closed).toBe(true);
  });

  it('rejects a SNACK at ERL 0 and a Login Request in Full Feature Phase with 0x04', async () => {
    const t = await target();
    const c = await client(t.port);
    c.send(makePdu('SnackRequest', { final: true, itt: 5 }));
    expect((await c.expect('Reject')).reason).toBe(0x04);
    c.send(makePdu('LoginRequest', { immediate: true, csg: 1, nsg: 3, transit: true, itt: 6 }));
    expect((await c.expect('Reject')).reason).toBe(0x04);
  });

  it('rejects a data digest error with 0x02 and closes on a header digest error', async () => {
    const t = await target();
    const c = await RawClient.connect(t.port); open.push(c);
    const r = await c.login(TEST_IQN, [{ key: 'HeaderDigest', value: 'CRC32C' }, { key: 'DataDigest', value: 'CRC32C' }]);
    expect(r.keys.get('HeaderDigest')).toBe('CRC32C');
    c.setDigests(true, true);
    c.cmdSN = r.rsp.expCmdSN;
    c.send(makePdu('NopOut', { immediate: true, itt: 8, ttt: 0xffffffff, cmdSN: c.cmdSN, data: Buffer.from('abcd') }));
    const nop = await c.expect('NopIn');
    expect(nop.data.toString()).toBe('abcd');
    c.setDigests(true, false);
    c.send(makePdu('NopOut', { immediate: true, itt: 9, ttt: 0xffffffff, cmdSN: c.cmdSN, data: Buffer.from('abcd') }));
    c.sendRaw(Buffer.from([1, 2, 3, 4])); // a wrong data digest where the target expects one
    c.setDigests(true, true);
    expect((await c.expect('Reject')).reason).toBe(0x02);
    const bhs = encodePdu(makePdu('NopOut', { immediate: true, itt: 10, ttt: 0xffffffff, cmdSN: c.cmdSN })).bhs;
    c.sendRaw(Buffer.concat([bhs, Buffer.from([0xde, 0xad, 0xbe, 0xef])]));
    expect(await c.waitClosed()).toBe(true);
  });

  it('closes a connection that does not finish its login in time', async () => {
    const t = await target({ limits: { loginTimeoutMs: 100 } });
    const c = await client(t.port, false);
    expect(await c.waitClosed(2000)).toBe(true);
    expect(t.logger.lines.some(l => l.includes('login not finished'))).toBe(true);
  });

  it('bounds buffered write data: too large -> CHECK CONDITION 55/03, budget used up -> TASK SET FULL', async () => {
    const t = await target({ limits: { maxBufferedBytes: 1024 } });
    const c = await RawClient.connect(t.port); open.push(c);
    const r = await c.login(TEST_IQN, [{ key: 'InitialR2T', value: 'Yes' }, { key: 'ImmediateData', value: 'No' }]);
    c.cmdSN = r.rsp.expCmdSN;
    const w10 = (lba: number, n: number) => { const b = Buffer.alloc(16); b[0] = 0x2a; b.writeUInt32BE(lba, 2); b.writeUInt16BE(n, 7); return b; };
    c.send(makePdu('ScsiCommand', { final: true, write: true, itt: 1, expectedDataTransferLength: 2048, cmdSN: c.cmdSN, cdb: w10(0, 4) }));
    const big = await c.expect('ScsiResponse');
    expect(big.status).toBe(2);
    expect([big.data[2 + 12], big.data[2 + 13]]).toEqual([0x55, 0x03]);
    c.send(makePdu('ScsiCommand', { final: true, write: true, itt: 2, expectedDataTransferLength: 1024, cmdSN: c.cmdSN + 1, cdb: w10(0, 2) }));
    await c.expect('R2t');
    c.send(makePdu('ScsiCommand', { final: true, write: true, itt: 3, expectedDataTransferLength: 512, cmdSN: c.cmdSN + 2, cdb: w10(8, 1) }));
    const full = await c.expect('ScsiResponse');
    expect([full.itt, full.status]).toEqual([3, 0x28]);
  });
});
