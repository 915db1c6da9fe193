// PREEMPT AND ABORT across sessions: the preempted nexus's task that waits for Data-Out is aborted, so it never runs
// and never gets status (SPC-4 "Preempting and aborting", TAS=0), and that nexus sees RESERVATIONS PREEMPTED.
import { afterEach, describe, expect, it } from 'vitest';
import { makePdu } from '../../harness/pdu/registry.js';
import { RawClient } from '../test-support/raw-client.js';
import { startTarget } from '../index.js';
import { memoryLogger } from '../log.js';
import { TEST_IQN } from '../test-support/start.js';

const open: { close(): unknown }[] = [];
afterEach(async () => { for (const o of open.splice(0)) await o.close(); });

let itt = 100;
async function command(c: RawClient, cdb: number[], data?: Buffer, edtl = data?.length ?? 0) {
  c.send(makePdu('ScsiCommand', {
    final: true, write: !!data || cdb[0] === 0x2a, read: cdb[0] === 0x28, attr: 1, itt: itt++, cmdSN: c.cmdSN, expStatSN: c.expStatSN,
    expectedDataTransferLength: edtl, cdb: Buffer.from([...cdb, ...Buffer.alloc(16 - cdb.length)]), data: data ?? Buffer.alloc(0),
  }));
  c.cmdSN++;
}
const prOut = (sa: number, type: number, key: bigint, sark: bigint): [number[], Buffer] => {
  const p = Buffer.alloc(24);
  p.writeBigUInt64BE(key, 0); p.writeBigUInt64BE(sark, 8);
  return [[0x5f, sa, type, 0, 0, 0, 0, 0, 24, 0], p];
};

describe('PREEMPT AND ABORT', () => {
  it("aborts the preempted session's outstanding WRITE: no status, its data never lands, and it sees 2A/03", async () => {
    // The real SCSI device (the test-support one is a fake without reservations), on its default RAM LUN 0.
    const t = await startTarget({ iqn: TEST_IQN, host: '127.0.0.1', port: 0 }, { logger: memoryLogger() });
    open.push({ close: () => t.close(0) });
    const [a, b] = [await RawClient.connect(t.port), await RawClient.connect(t.port)];
    open.push(a, b);
    for (const [c, isid] of [[a, 0x400001370001], [b, 0x400001370002]] as const) {
      const r = await c.login(TEST_IQN, [], { isid });
      expect(r.rsp.statusClass).toBe(0);
      c.cmdSN = r.rsp.expCmdSN;
      await command(c, [0]); // TEST UNIT READY takes the power-on unit attention
      await c.expect('ScsiResponse');
      await command(c, ...prOut(0, 0, 0n, isid === 0x400001370001 ? 1n : 2n)); // REGISTER
      const reg = await c.expect('ScsiResponse');
      expect(reg.status, reg.data.toString('hex')).toBe(0);
    }
    await command(b, ...prOut(1, 3, 2n, 0n)); // B takes an Exclusive Access reservation
    expect((await b.expect('ScsiResponse')).status).toBe(0);
    await command(b, [0x2a, 0, 0, 0, 0, 9, 0, 0, 1, 0], undefined, 512); // WRITE(10) LBA 9: waits for its Data-Out
    const r2t = await b.expect('R2t');
    await command(a, ...prOut(5, 3, 1n, 2n)); // A: PREEMPT AND ABORT B
    expect((await a.expect('ScsiResponse')).status).toBe(0);
    b.send(makePdu('DataOut', { final: true, itt: r2t.itt, ttt: r2t.ttt, expStatSN: b.expStatSN, bufferOffset: 0, data: Buffer.alloc(512, 0xbb) }));
    expect(await b.next(300)).toBeNull();
    await command(b, [0]);
    const ua = await b.expect('ScsiResponse');
    expect(ua.status).toBe(2);
    expect([ua.data[2 + 2]! & 0x0f, ua.data[2 + 12], ua.data[2 + 13]]).toEqual([6, 0x2a, 0x03]);
    await command(a, [0x28, 0, 0, 0, 0, 9, 0, 0, 1, 0], undefined, 512);
    const read = await a.expect('DataIn');
    expect(read.data.every(x => x === 0)).toBe(true);
  });
});
