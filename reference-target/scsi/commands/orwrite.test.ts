// ORWRITE(16): the Data-Out is ORed into the medium; range, ORPROTECT and 0-block rules as for WRITE(16).
import { describe, expect, it } from 'vitest';
import { be32, be64, device, read10, run, sense, write10 } from '../scsi.test-helpers.js';

const orw = (lba: number | bigint, n: number, byte1 = 0) => [0x8b, byte1, ...be64(BigInt(lba)), ...be32(n), 0, 0];
const BLOCKS = 2048; // the default 1 MiB LU of 512-byte blocks

describe('ORWRITE(16)', () => {
  it('ORs the data into the blocks: 0x00 | 0xA5 = 0xA5, then 0xA5 | 0x5A = 0xFF', async () => {
    const dev = await device();
    await run(dev, write10(BLOCKS - 2, 2), { data: Buffer.alloc(1024) });
    expect((await run(dev, orw(BLOCKS - 2, 2), { data: Buffer.alloc(1024, 0xa5) })).status).toBe(0);
    expect((await run(dev, read10(BLOCKS - 2, 2))).dataIn!.every(x => x === 0xa5)).toBe(true);
    expect((await run(dev, orw(BLOCKS - 2, 2, 0x18), { data: Buffer.alloc(1024, 0x5a) })).status).toBe(0); // DPO+FUA
    expect((await run(dev, read10(BLOCKS - 2, 2))).dataIn!.every(x => x === 0xff)).toBe(true);
  });
  it('with less Data-Out than TRANSFER LENGTH (EDTL below it) ORs in only what arrived', async () => {
    const dev = await device();
    await run(dev, write10(10, 2), { data: Buffer.alloc(1024, 0x01) });
    expect((await run(dev, orw(10, 2), { data: Buffer.alloc(700, 0x80), edtl: 700 })).status).toBe(0);
    const back = (await run(dev, read10(10, 2))).dataIn!;
    expect(back.subarray(0, 700).every(x => x === 0x81)).toBe(true);
    expect(back.subarray(700).every(x => x === 0x01)).toBe(true);
  });
  it('TRANSFER LENGTH 0 at LBA 0 is GOOD; past the end it is LBA OUT OF RANGE, as is a range over the end', async () => {
    const dev = await device();
    expect((await run(dev, orw(0, 0))).status).toBe(0);
    expect(sense(await run(dev, orw(BLOCKS + 1, 0)))).toMatchObject({ key: 5, asc: 0x21 });
    expect(sense(await run(dev, orw(1n << 63n, 0)))).toMatchObject({ key: 5, asc: 0x21 });
    expect(sense(await run(dev, orw(BLOCKS - 1, 2), { data: Buffer.alloc(1024) }))).toMatchObject({ key: 5, asc: 0x21 });
  });
  it('non-zero ORPROTECT on an LU without protection information is INVALID FIELD IN CDB', async () => {
    expect(sense(await run(await device(), orw(0, 1, 0x20), { data: Buffer.alloc(512) }))).toMatchObject({ key: 5, asc: 0x24, sks: { byte: 1, bit: 7 } });
  });
});
