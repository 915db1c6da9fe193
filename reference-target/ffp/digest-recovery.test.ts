// Digest errors at ErrorRecoveryLevel 1 (RFC 7143 §7.8, §7.1.5 "digest failure recovery"); ERL 0 keeps closing.
import { afterEach, describe, expect, it } from 'vitest';
import { encodePdu, makePdu, type PduNamed } from '../../harness/pdu/registry.js';
import { toWire } from '../../harness/pdu/wire.js';
import type { TextPair } from '../../harness/text/codec.js';
import { RawClient } from '../test-support/raw-client.js';
import { startTestTarget, TEST_IQN } from '../test-support/start.js';

const open: { close(): unknown }[] = [];
afterEach(async () => { for (const o of open.splice(0)) await o.close(); });

const DIGESTS: TextPair[] = [{ key: 'HeaderDigest', value: 'CRC32C' }, { key: 'DataDigest', value: 'CRC32C' }];

async function withDigests(erl: string, keys: TextPair[] = []) {
  const t = await startTestTarget();
  open.push({ close: () => t.target.close(0) });
  const c = await RawClient.connect(t.port);
  open.push(c);
  const r = await c.login(TEST_IQN, [...DIGESTS, { key: 'ErrorRecoveryLevel', value: erl }, ...keys]);
  expect(r.keys.get('ErrorRecoveryLevel')).toBe(erl);
  c.setDigests(true, true);
  c.cmdSN = r.rsp.expCmdSN;
  return { ...t, c };
}

const ping = (c: RawClient, itt: number) =>
  makePdu('NopOut', { immediate: true, itt, ttt: 0xffffffff, cmdSN: c.cmdSN, expStatSN: c.expStatSN, data: Buffer.from('ping') });

/** A NOP-Out without data whose header digest is wrong. */
const badHeader = (c: RawClient, itt: number): Buffer =>
  Buffer.concat([encodePdu({ ...ping(c, itt), data: Buffer.alloc(0) }).bhs.subarray(0, 48), Buffer.alloc(4, 0xee)]);

/** Sends a PDU with a wrong data digest (header digest right). */
function sendBadData(c: RawClient, p: Parameters<RawClient['send']>[0]): void {
  c.setDigests(true, false);
  c.send(p);
  c.sendRaw(Buffer.from([1, 2, 3, 4]));
  c.setDigests(true, true);
}

/** A WRITE(10) of `blocks` at LBA 16 that waits for an R2T (InitialR2T=Yes, no immediate data). */
async function writeAwaitingR2t(c: RawClient, itt: number, blocks: number): Promise<PduNamed<'R2t'>> {
  const cdb = Buffer.alloc(16);
  cdb[0] = 0x2a; cdb.writeUInt32BE(16, 2); cdb.writeUInt16BE(blocks, 7);
  c.send(makePdu('ScsiCommand', { final: true, write: true, itt, expectedDataTransferLength: blocks * 512, cmdSN: c.cmdSN, expStatSN: c.expStatSN, cdb }));
  return c.expect('R2t');
}

const NO_R2T_KEYS: TextPair[] = [{ key: 'InitialR2T', value: 'Yes' }, { key: 'ImmediateData', value: 'No' }];

/** The CHECK CONDITION "Protocol Service CRC error" of §11.4.7.2: ABORTED COMMAND, 47h/05h. */
async function expectCrcError(c: RawClient): Promise<void> {
  const rsp = await c.expect('ScsiResponse');
  expect(rsp.status).toBe(0x02);
  const sense = rsp.data.subarray(2);
  expect([sense[2]! & 0x0f, sense[12], sense[13]]).toEqual([0x0b, 0x47, 0x05]);
}

describe('digest errors at ErrorRecoveryLevel 1', () => {
  it('discards a PDU with a header digest error and keeps serving; two in a row close the connection', async () => {
    const { c, logger } = await withDigests('1');
    c.sendRaw(badHeader(c, 1));
    c.send(ping(c, 2));
    expect((await c.expect('NopIn')).itt).toBe(2);
    expect(logger.lines.some(l => l.includes('header digest error') && l.includes('discarded'))).toBe(true);
    c.sendRaw(badHeader(c, 3));
    c.sendRaw(badHeader(c, 4));
    expect(await c.waitClosed()).toBe(true);
  });

  it('a Data-Out with a data digest error: Reject 0x02, then CHECK CONDITION "Protocol Service CRC error" once all data is in', async () => {
    const { c, device } = await withDigests('1', NO_R2T_KEYS);
    const r2t = await writeAwaitingR2t(c, 9, 2);
    const data = Buffer.alloc(512, 0x33);
    sendBadData(c, makePdu('DataOut', { final: false, itt: 9, ttt: r2t.ttt, dataSN: 0, bufferOffset: 0, expStatSN: c.expStatSN, data }));
    expect((await c.expect('Reject')).reason).toBe(0x02);
    expect(await c.next(200)).toBeNull(); // §7.8 b: no status before the last Data-Out
    c.send(makePdu('DataOut', { final: true, itt: 9, ttt: r2t.ttt, dataSN: 1, bufferOffset: 512, expStatSN: c.expStatSN, data }));
    await expectCrcError(c);
    expect(device.log.executed.some(r => r.cdb[0] === 0x2a)).toBe(false); // nothing reached the medium
    expect(device.disk.subarray(16 * 512, 18 * 512).every(b => b === 0)).toBe(true);
  });
  it('a Data-Out lost to a header digest error shows as a DataSN gap and ends the same way (§7.9)', async () => {
    const { c } = await withDigests('1', NO_R2T_KEYS);
    const r2t = await writeAwaitingR2t(c, 10, 3);
    const out = (dataSN: number) => makePdu('DataOut', { final: dataSN === 2, itt: 10, ttt: r2t.ttt, dataSN, bufferOffset: dataSN * 512, expStatSN: c.expStatSN, data: Buffer.alloc(512, dataSN) });
    c.send(out(0));
    const lost = toWire(encodePdu(out(1)), { headerDigest: true, dataDigest: true });
    lost.writeUInt32LE(lost.readUInt32LE(48) ^ 1, 48);
    c.sendRaw(lost);
    c.send(out(2));
    await expectCrcError(c);
    c.send(ping(c, 11));
    expect((await c.expect('NopIn')).itt).toBe(11);
  });

});

describe('digest errors at ErrorRecoveryLevel 0', () => {
  it('still closes the connection on a header digest error', async () => {
    const { c } = await withDigests('0');
    c.sendRaw(badHeader(c, 1));
    expect(await c.waitClosed()).toBe(true);
  });

  it('a Data-Out with a data digest error: Reject 0x02, and the next one is a sequence error as before', async () => {
    const { c } = await withDigests('0', NO_R2T_KEYS);
    const r2t = await writeAwaitingR2t(c, 12, 2);
    const out = (dataSN: number) => makePdu('DataOut', { final: dataSN === 1, itt: 12, ttt: r2t.ttt, dataSN, bufferOffset: dataSN * 512, expStatSN: c.expStatSN, data: Buffer.alloc(512) });
    sendBadData(c, out(0));
    expect((await c.expect('Reject')).reason).toBe(0x02);
    c.send(out(1));
    const rsp = await c.expect('ScsiResponse');
    expect([rsp.status, rsp.data[2 + 12], rsp.data[2 + 13]]).toEqual([0x02, 0x0c, 0x0d]); // incorrect amount of data
  });
});
