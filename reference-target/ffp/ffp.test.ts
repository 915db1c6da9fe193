// Full Feature Phase tests: CmdSN window, NOP ping, R2T and immediate data, Data-In splitting, TMF, logout, SendTargets.
import { afterEach, describe, expect, it } from 'vitest';
import { makePdu } from '../../harness/pdu/registry.js';
import { decodeText, encodeText } from '../../harness/text/codec.js';
import { RawClient } from '../test-support/raw-client.js';
import { loggedInClient, startTestTarget, TEST_IQN } from '../test-support/start.js';

const open: { close(): unknown }[] = [];
afterEach(async () => { for (const o of open.splice(0)) await o.close(); });

const loggedIn = (cfg = {}, keys: { key: string; value: string }[] = []) => loggedInClient(open, cfg, keys);

const read10 = (lba: number, blocks: number) => {
  const cdb = Buffer.alloc(16);
  cdb[0] = 0x28; cdb.writeUInt32BE(lba, 2); cdb.writeUInt16BE(blocks, 7);
  return cdb;
};
const write10 = (lba: number, blocks: number) => {
  const cdb = read10(lba, blocks);
  cdb[0] = 0x2a;
  return cdb;
};
const tur = () => Buffer.alloc(16);

describe('full feature phase', () => {
  it('answers a NOP-Out ping with the same ITT and data, and advances StatSN', async () => {
    const { c } = await loggedIn();
    const before = c.expStatSN;
    c.send(makePdu('NopOut', { immediate: true, itt: 7, ttt: 0xffffffff, cmdSN: c.cmdSN, expStatSN: c.expStatSN, data: Buffer.from('ping!') }));
    const nop = await c.expect('NopIn');
    expect(nop.itt).toBe(7);
    expect(nop.ttt).toBe(0xffffffff);
    expect(nop.data.toString()).toBe('ping!');
    expect(nop.statSN).toBe(before);
  });

  it('drops a command outside the CmdSN window silently and keeps the connection', async () => {
    const { c } = await loggedIn();
    c.send(makePdu('ScsiCommand', { final: true, itt: 1, cmdSN: (c.cmdSN + 1000) >>> 0, expStatSN: c.expStatSN, cdb: tur() }));
    expect(await c.next(300)).toBeNull();
    c.send(makePdu('ScsiCommand', { final: true, itt: 2, cmdSN: c.cmdSN, expStatSN: c.expStatSN, cdb: tur() }));
    const r = await c.expect('ScsiResponse');
    expect(r.itt).toBe(2);
    expect(r.status).toBe(0);
    expect(r.expCmdSN).toBe((c.cmdSN + 1) >>> 0);
    expect(r.maxCmdSN).toBe((c.cmdSN + 128) >>> 0);
  });

  it('delivers commands in CmdSN order when they arrive out of order', async () => {
    const { c } = await loggedIn();
    c.send(makePdu('ScsiCommand', { final: true, itt: 11, cmdSN: c.cmdSN + 1, expStatSN: c.expStatSN, cdb: tur() }));
    c.send(makePdu('ScsiCommand', { final: true, itt: 10, cmdSN: c.cmdSN, expStatSN: c.expStatSN, cdb: tur() }));
    expect((await c.expect('ScsiResponse')).itt).toBe(10);
    expect((await c.expect('ScsiResponse')).itt).toBe(11);
  });

  it('solicits write data with R2Ts when InitialR2T=Yes, and writes it', async () => {
    const { c, device } = await loggedIn({}, [{ key: 'InitialR2T', value: 'Yes' }, { key: 'ImmediateData', value: 'No' },
      { key: 'MaxBurstLength', value: '1024' }, { key: 'FirstBurstLength', value: '512' }]);
    const data = Buffer.alloc(2048, 0xab);
    c.send(makePdu('ScsiCommand', { final: true, write: true, itt: 3, expectedDataTransferLength: 2048, cmdSN: c.cmdSN, expStatSN: c.expStatSN, cdb: write10(4, 4) }));
    for (let i = 0; i < 2; i++) {
      const r2t = await c.expect('R2t');
      expect(r2t.r2tSN).toBe(i);
      expect(r2t.bufferOffset).toBe(i * 1024);
      expect(r2t.desiredDataTransferLength).toBe(1024);
      for (let k = 0; k < 2; k++) {
        c.send(makePdu('DataOut', { final: k === 1, itt: 3, ttt: r2t.ttt, dataSN: k, bufferOffset: r2t.bufferOffset + k * 512, expStatSN: c.expStatSN,
          data: data.subarray(r2t.bufferOffset + k * 512, r2t.bufferOffset + (k + 1) * 512) }));
      }
    }
    const rsp = await c.expect('ScsiResponse');
    expect(rsp.status).toBe(0);
    expect(device.disk.subarray(4 * 512, 8 * 512).equals(data)).toBe(true);
  });

  it('takes immediate data plus unsolicited Data-Out when InitialR2T=No', async () => {
    const { c, device } = await loggedIn({}, [{ key: 'InitialR2T', value: 'No' }, { key: 'ImmediateData', value: 'Yes' }, { key: 'FirstBurstLength', value: '1024' }]);
    const data = Buffer.alloc(1536, 0x5a);
    c.send(makePdu('ScsiCommand', { final: false, write: true, itt: 4, expectedDataTransferLength: 1536, cmdSN: c.cmdSN, expStatSN: c.expStatSN, cdb: write10(0, 3), data: data.subarray(0, 512) }));
    c.send(makePdu('DataOut', { final: true, itt: 4, ttt: 0xffffffff, dataSN: 0, bufferOffset: 512, data: data.subarray(512, 1024) }));
    const r2t = await c.expect('R2t');
    expect(r2t.bufferOffset).toBe(1024);
    expect(r2t.desiredDataTransferLength).toBe(512);
    c.send(makePdu('DataOut', { final: true, itt: 4, ttt: r2t.ttt, dataSN: 0, bufferOffset: 1024, data: data.subarray(1024) }));
    expect((await c.expect('ScsiResponse')).status).toBe(0);
    expect(device.disk.subarray(0, 1536).equals(data)).toBe(true);
  });

  it('ends a task whose Data-Out has a wrong DataSN with ABORTED COMMAND 0C/0D, keeping the connection (ERL 0)', async () => {
    const { c } = await loggedIn({}, [{ key: 'InitialR2T', value: 'Yes' }, { key: 'ImmediateData', value: 'No' }]);
    c.send(makePdu('ScsiCommand', { final: true, write: true, itt: 5, expectedDataTransferLength: 512, cmdSN: c.cmdSN, cdb: write10(0, 1) }));
    const r2t = await c.expect('R2t');
    c.send(makePdu('DataOut', { final: true, itt: 5, ttt: r2t.ttt, dataSN: 27, bufferOffset: 0, data: Buffer.alloc(512) }));
    const rsp = await c.expect('ScsiResponse');
    expect(rsp.status).toBe(2);
    expect([rsp.data[2 + 2], rsp.data[2 + 12], rsp.data[2 + 13]]).toEqual([0x0b, 0x0c, 0x0d]);
    c.send(makePdu('DataOut', { final: true, itt: 5, ttt: r2t.ttt, dataSN: 0, bufferOffset: 0, data: Buffer.alloc(512) }));
    c.send(makePdu('ScsiCommand', { final: true, itt: 6, cmdSN: (c.cmdSN + 1) >>> 0, cdb: tur() }));
    expect((await c.expect('ScsiResponse')).itt).toBe(6);
  });

  it('splits Data-In by MaxRecvDataSegmentLength and MaxBurstLength, status collapsed into the last one', async () => {
    const { c, device } = await loggedIn({}, [{ key: 'MaxRecvDataSegmentLength', value: '1024' }, { key: 'MaxBurstLength', value: '2048' },
      { key: 'FirstBurstLength', value: '1024' }]);
    device.disk.fill(3, 0, 8 * 512);
    c.send(makePdu('ScsiCommand', { final: true, read: true, itt: 6, expectedDataTransferLength: 4096, cmdSN: c.cmdSN, cdb: read10(0, 8) }));
    const pdus = [];
    for (let i = 0; i < 4; i++) pdus.push(await c.expect('DataIn'));
    expect(pdus.map(p => p.data.length)).toEqual([1024, 1024, 1024, 1024]);
    expect(pdus.map(p => p.dataSN)).toEqual([0, 1, 2, 3]);
    expect(pdus.map(p => p.bufferOffset)).toEqual([0, 1024, 2048, 3072]);
    expect(pdus.map(p => p.final)).toEqual([false, true, false, true]);
    expect(pdus.map(p => p.statusPresent)).toEqual([false, false, false, true]);
    expect(await c.next(200)).toBeNull();
  });

  it('reports residual underflow and sends CHECK CONDITION in a SCSI Response with sense', async () => {
    const { c } = await loggedIn();
    c.send(makePdu('ScsiCommand', { final: true, read: true, itt: 8, expectedDataTransferLength: 10000, cmdSN: c.cmdSN, cdb: read10(0, 1) }));
    const d = await c.expect('DataIn');
    expect(d.statusPresent && d.underflow).toBe(true);
    expect(d.residualCount).toBe(10000 - 512);
    const bad = Buffer.alloc(16); bad[0] = 0xee;
    c.send(makePdu('ScsiCommand', { final: true, itt: 9, cmdSN: (c.cmdSN + 1) >>> 0, cdb: bad }));
    const rsp = await c.expect('ScsiResponse');
    expect(rsp.status).toBe(2);
    expect(rsp.data.readUInt16BE(0)).toBe(18);
    expect(rsp.data[2 + 12]).toBe(0x20);
  });

  it('answers ABORT TASK for an unknown task with Function Complete, and an unsupported TMF with 5', async () => {
    const { c } = await loggedIn();
    c.send(makePdu('TaskManagementRequest', { immediate: true, final: true, function: 1, itt: 20, referencedTaskTag: 999, cmdSN: c.cmdSN, refCmdSN: (c.cmdSN - 1) >>> 0 }));
    expect((await c.expect('TaskManagementResponse')).response).toBe(0);
    c.send(makePdu('TaskManagementRequest', { immediate: true, final: true, function: 3, itt: 21, referencedTaskTag: 0xffffffff, cmdSN: c.cmdSN }));
    expect((await c.expect('TaskManagementResponse')).response).toBe(5);
    c.send(makePdu('TaskManagementRequest', { immediate: true, final: true, function: 5, lun: 9n << 48n, itt: 22, referencedTaskTag: 0xffffffff, cmdSN: c.cmdSN }));
    expect((await c.expect('TaskManagementResponse')).response).toBe(2);
  });

  it('logs out: Logout Response with Time2Wait/Time2Retain, then the connection closes', async () => {
    const { c } = await loggedIn();
    c.send(makePdu('LogoutRequest', { immediate: true, final: true, reasonCode: 0, itt: 30, cmdSN: c.cmdSN }));
    const r = await c.expect('LogoutResponse');
    expect(r.response).toBe(0);
    expect(r.itt).toBe(30);
    expect(r.time2Wait).toBe(2);
    expect(await c.waitClosed()).toBe(true);
  });

  it('serves SendTargets=All in a Discovery session and rejects SCSI commands there', async () => {
    const t = await startTestTarget();
    open.push({ close: () => t.target.close(0) });
    const c = await RawClient.connect(t.port); open.push(c);
    const r = await c.login(undefined);
    expect(r.rsp.statusClass).toBe(0);
    c.cmdSN = r.rsp.expCmdSN;
    c.send(makePdu('TextRequest', { immediate: true, final: true, itt: 40, ttt: 0xffffffff, cmdSN: c.cmdSN, data: encodeText([{ key: 'SendTargets', value: 'All' }]) }));
    const rsp = await c.expect('TextResponse');
    expect(rsp.final).toBe(true);
    expect(decodeText(rsp.data).pairs).toEqual([{ key: 'TargetName', value: TEST_IQN }, { key: 'TargetAddress', value: `127.0.0.1:${t.port},1` }]);
    c.send(makePdu('ScsiCommand', { final: true, itt: 41, cmdSN: c.cmdSN, cdb: tur() }));
    expect((await c.expect('Reject')).reason).toBe(0x04);
  });

  it('rejects a command with an Expected Data Transfer Length but neither R nor W as a protocol error (§11.3.1)', async () => {
    const { c } = await loggedIn();
    const inquiry = Buffer.from([0x12, 0, 0, 0, 66, 0, ...Buffer.alloc(10)]);
    c.send(makePdu('ScsiCommand', { final: true, itt: 60, cmdSN: c.cmdSN, expStatSN: c.expStatSN, expectedDataTransferLength: 66, cdb: inquiry }));
    expect((await c.expect('Reject')).reason).toBe(0x04);
    // At ErrorRecoveryLevel 0 a protocol error ends the connection after the Reject (§7.1.5), as for the other
    // inconsistent data-transfer flags.
    expect(await c.waitClosed()).toBe(true);
  });

  it('continues a Text Response longer than MaxRecvDataSegmentLength with F=0 and a TTT', async () => {
    const { c } = await loggedIn({}, [{ key: 'MaxRecvDataSegmentLength', value: '512' }]);
    const keys = Array.from({ length: 40 }, (_, i) => ({ key: `X-org.example.key${i}`, value: '1' }));
    c.send(makePdu('TextRequest', { immediate: true, final: true, itt: 50, ttt: 0xffffffff, cmdSN: c.cmdSN, data: encodeText(keys) }));
    const parts = [];
    for (let p = await c.expect('TextResponse'); ; p = await c.expect('TextResponse')) {
      parts.push(p);
      expect(p.data.length).toBeLessThanOrEqual(512);
      if (p.final) break;
      expect(p.ttt).not.toBe(0xffffffff);
      c.send(makePdu('TextRequest', { immediate: true, final: true, itt: 50, ttt: p.ttt, cmdSN: c.cmdSN }));
    }
    expect(parts.length).toBeGreaterThan(1);
    const pairs = decodeText(Buffer.concat(parts.map(p => p.data))).pairs;
    expect(pairs.length).toBe(40);
    expect(pairs.every(p => p.value === 'NotUnderstood')).toBe(true);
  });
  it('pings an idle initiator with a NOP-In carrying a TTT, and accepts the matching NOP-Out', async () => {
    const { c, logger } = await loggedIn({ limits: { nopInIntervalMs: 50 } });
    const ping = await c.expect('NopIn', 2000);
    expect(ping.itt).toBe(0xffffffff);
    expect(ping.ttt).not.toBe(0xffffffff);
    c.send(makePdu('NopOut', { immediate: true, itt: 0xffffffff, ttt: ping.ttt, cmdSN: c.cmdSN }));
    const next = await c.expect('NopIn', 2000);
    expect(next.ttt).not.toBe(ping.ttt);
    expect(logger.lines.some(l => l.includes('reject'))).toBe(false);
  });
});
