// RESERVE/RELEASE(6/10) and PERSISTENT RESERVE IN/OUT with two nexuses: conflicts, generation, unit attentions.
import { describe, expect, it } from 'vitest';
import { be16, be32, device, I1, I2, read10, run, sense, write10 } from '../scsi.test-helpers.js';
import type { ScsiDevice } from '../device.js';

const reserve6 = [0x16, 0, 0, 0, 0, 0], release6 = [0x17, 0, 0, 0, 0, 0];
const ms6 = [0x1a, 0, 0x3f, 0, 255, 0];

describe('RESERVE / RELEASE (6)', () => {
  it('holder works, other nexus gets RESERVATION CONFLICT except INQUIRY/REPORT LUNS/REQUEST SENSE; its RELEASE is a no-op', async () => {
    const dev = await device();
    expect((await run(dev, reserve6)).status).toBe(0);
    expect((await run(dev, reserve6)).status).toBe(0);
    expect((await run(dev, reserve6, { nexus: I2 })).status).toBe(0x18);
    expect((await run(dev, ms6, { nexus: I2 })).status).toBe(0x18);
    expect((await run(dev, ms6, { nexus: I2 })).sense).toBeUndefined();
    expect((await run(dev, [0x12, 0, 0, 0, 96, 0], { nexus: I2 })).status).toBe(0);
    expect((await run(dev, [0xa0, 0, 0, 0, 0, 0, ...be32(64), 0, 0], { nexus: I2 })).status).toBe(0);
    expect((await run(dev, release6, { nexus: I2 })).status).toBe(0);
    expect((await run(dev, ms6)).status).toBe(0);
    expect((await run(dev, ms6, { nexus: I2 })).status).toBe(0x18);
    expect((await run(dev, release6)).status).toBe(0);
    expect((await run(dev, reserve6, { nexus: I2 })).status).toBe(0);
  });
  it('a LUN reset or the holder\'s nexus loss drops the reservation', async () => {
    const dev = await device();
    await run(dev, reserve6);
    dev.nexusLost(I1);
    expect((await run(dev, reserve6, { nexus: I2 })).status).toBe(0);
    dev.reset('lun-reset', I1, 0n);
    await run(dev, [0, 0, 0, 0, 0, 0]);
    expect((await run(dev, reserve6)).status).toBe(0);
  });
});

const prout = (sa: number, type: number, key: bigint, sark: bigint) => {
  const p = Buffer.alloc(24);
  p.writeBigUInt64BE(key, 0); p.writeBigUInt64BE(sark, 8);
  return { cdb: [0x5f, sa, type, 0, 0, ...be32(24), 0], data: p };
};
const out = (dev: ScsiDevice, n: typeof I1, sa: number, type: number, key: bigint, sark: bigint) => {
  const c = prout(sa, type, key, sark);
  return run(dev, c.cdb, { nexus: n, data: c.data });
};
const prin = (dev: ScsiDevice, sa: number, n = I1) => run(dev, [0x5e, sa, 0, 0, 0, 0, 0, ...be16(1024), 0], { nexus: n });

describe('PERSISTENT RESERVE OUT / IN', () => {
  it('REGISTER checks keys, bumps PRgeneration and READ KEYS lists them', async () => {
    const dev = await device();
    expect((await out(dev, I1, 0, 0, 5n, 0xaan)).status).toBe(0x18); // unregistered with a non-zero key
    expect((await out(dev, I1, 0, 0, 0n, 0xaan)).status).toBe(0);
    expect((await out(dev, I2, 6, 0, 123n, 0xbbn)).status).toBe(0);
    expect((await out(dev, I1, 0, 0, 0x99n, 0xccn)).status).toBe(0x18);
    const keys = (await prin(dev, 0)).dataIn!;
    expect(keys.readUInt32BE(0)).toBe(2);
    expect(keys.readUInt32BE(4)).toBe(16);
    expect([keys.readBigUInt64BE(8), keys.readBigUInt64BE(16)]).toEqual([0xaan, 0xbbn]);
  });
  it('Write Exclusive: the other nexus reads but cannot write; RELEASE with the wrong type is 26/04', async () => {
    const dev = await device();
    await out(dev, I1, 0, 0, 0n, 1n);
    expect((await out(dev, I1, 1, 1, 1n, 0n)).status).toBe(0);
    const rr = (await prin(dev, 1, I2)).dataIn!;
    expect([rr.readUInt32BE(4), rr.readBigUInt64BE(8), rr[21]]).toEqual([16, 1n, 0x01]);
    expect((await run(dev, read10(0, 1), { nexus: I2 })).status).toBe(0);
    expect((await run(dev, write10(0, 1), { nexus: I2, data: Buffer.alloc(512) })).status).toBe(0x18);
    expect((await run(dev, write10(0, 1), { data: Buffer.alloc(512) })).status).toBe(0);
    expect(sense(await out(dev, I1, 2, 3, 1n, 0n))).toMatchObject({ key: 5, asc: 0x26, ascq: 0x04 });
    expect((await out(dev, I1, 2, 1, 1n, 0n)).status).toBe(0);
    expect((await run(dev, write10(0, 1), { nexus: I2, data: Buffer.alloc(512) })).status).toBe(0);
  });
  it('Exclusive Access – Registrants Only: registrants get access; holder unregistering releases with 2A/04 to the others', async () => {
    const dev = await device();
    await out(dev, I1, 0, 0, 0n, 1n);
    await out(dev, I2, 0, 0, 0n, 2n);
    await out(dev, I1, 1, 6, 1n, 0n);
    expect((await run(dev, read10(0, 1), { nexus: I2 })).status).toBe(0);
    await out(dev, I1, 0, 0, 1n, 0n);
    expect((await prin(dev, 1)).dataIn!.readUInt32BE(4)).toBe(0);
    expect(sense(await run(dev, [0, 0, 0, 0, 0, 0], { nexus: I2 }))).toMatchObject({ key: 6, asc: 0x2a, ascq: 0x04 });
  });
  it('all-registrants reservations report key 0 and survive the reserving nexus unregistering', async () => {
    const dev = await device();
    await out(dev, I1, 0, 0, 0n, 1n);
    await out(dev, I2, 0, 0, 0n, 2n);
    await out(dev, I1, 1, 8, 1n, 0n);
    expect((await prin(dev, 1)).dataIn!.readBigUInt64BE(8)).toBe(0n);
    await out(dev, I1, 0, 0, 1n, 0n);
    expect((await prin(dev, 1)).dataIn![21]).toBe(0x08);
    expect((await out(dev, I2, 2, 8, 2n, 0n)).status).toBe(0);
    expect((await prin(dev, 1)).dataIn!.readUInt32BE(4)).toBe(0);
  });
  it('PREEMPT removes the holder, takes the reservation and sends 2A/03; CLEAR drops everything', async () => {
    const dev = await device();
    await out(dev, I1, 0, 0, 0n, 1n);
    await out(dev, I2, 0, 0, 0n, 2n);
    await out(dev, I1, 1, 3, 1n, 0n);
    const gen = (await prin(dev, 0)).dataIn!.readUInt32BE(0);
    expect((await out(dev, I2, 4, 3, 2n, 1n)).status).toBe(0);
    const rr = (await prin(dev, 1, I2)).dataIn!;
    expect([rr.readUInt32BE(0), rr.readBigUInt64BE(8)]).toEqual([gen + 1, 2n]);
    expect(sense(await run(dev, [0, 0, 0, 0, 0, 0]))).toMatchObject({ key: 6, asc: 0x2a, ascq: 0x03 });
    expect((await out(dev, I2, 3, 0, 2n, 0n)).status).toBe(0);
    expect((await prin(dev, 0)).dataIn!.readUInt32BE(4)).toBe(0);
  });
  it('PREEMPT AND ABORT names the preempted nexuses for task abortion; PREEMPT does not; an aborted queued command is not run', async () => {
    const dev = await device();
    await out(dev, I1, 0, 0, 0n, 1n);
    await out(dev, I2, 0, 0, 0n, 2n);
    await out(dev, I2, 1, 3, 2n, 0n);
    const pa = await out(dev, I1, 5, 3, 1n, 2n);
    expect(pa.status).toBe(0);
    expect(pa.abortNexuses).toEqual([I2.key]);
    await out(dev, I2, 0, 0, 0n, 2n);
    expect((await out(dev, I1, 4, 3, 1n, 2n)).abortNexuses).toBeUndefined();
    const w = write10(0, 1);
    const aborted = await dev.execute({ nexus: I1, lun: 0n, cdb: Buffer.from([...w, ...Buffer.alloc(16 - w.length)]), attr: 1,
      expectedDataTransferLength: 512, dataOut: Buffer.alloc(512, 0xee), task: { aborted: true } });
    expect(aborted.status).toBe(0x40);
    expect((await run(dev, read10(0, 1))).dataIn!.every(b => b !== 0xee)).toBe(true);
  });
  it('REPORT CAPABILITIES, READ FULL STATUS, and bad fields', async () => {
    const dev = await device();
    const caps = (await prin(dev, 2)).dataIn!;
    expect([caps.readUInt16BE(0), caps.readUInt16BE(4)]).toEqual([8, 0xea01]);
    await out(dev, I1, 0, 0, 0n, 7n);
    const full = (await prin(dev, 3)).dataIn!;
    expect(full.readBigUInt64BE(8)).toBe(7n);
    expect(full[32]).toBe(0x45);
    expect(sense(await prin(dev, 4))).toMatchObject({ asc: 0x24, sks: { byte: 1 } });
    expect(sense(await out(dev, I1, 1, 2, 7n, 0n))).toMatchObject({ asc: 0x24, sks: { byte: 2, bit: 3 } });
    const short = await run(dev, [0x5f, 0, 0, 0, 0, ...be32(20), 0], { data: Buffer.alloc(20) });
    expect(sense(short)).toMatchObject({ asc: 0x1a });
    expect((await run(dev, reserve6)).status).toBe(0x18); // RESERVE(6) with registrations present (CRH=1)
  });
});
