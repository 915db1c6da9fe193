// Thin provisioning: READ CAPACITY, WRITE SAME (incl. UNMAP, 0 blocks, limits), UNMAP, GET LBA STATUS.
import { describe, expect, it } from 'vitest';
import { be16, be32, be64, device, read10, run, sense, write10 } from '../scsi.test-helpers.js';

const ws16 = (lba: number, n: number, byte1 = 0) => [0x93, byte1, ...be64(BigInt(lba)), ...be32(n), 0, 0];
const ws10 = (lba: number, n: number, byte1 = 0) => [0x41, byte1, ...be32(lba), 0, ...be16(n), 0];
const getLbaStatus = (lba: number | bigint, alloc = 1024) => [0x9e, 0x12, ...be64(BigInt(lba)), ...be32(alloc), 0, 0];
const unmapList = (ranges: Array<[number, number]>) => {
  const b = Buffer.alloc(8 + 16 * ranges.length);
  b.writeUInt16BE(b.length - 2, 0); b.writeUInt16BE(16 * ranges.length, 2);
  ranges.forEach(([lba, n], i) => { b.writeBigUInt64BE(BigInt(lba), 8 + 16 * i); b.writeUInt32BE(n, 16 + 16 * i); });
  return b;
};
const unmap = (len: number) => [0x42, 0, 0, 0, 0, 0, 0, ...be16(len), 0];
const status = async (dev: Awaited<ReturnType<typeof device>>, lba: number) => {
  const d = (await run(dev, getLbaStatus(lba))).dataIn!;
  return { lba: Number(d.readBigUInt64BE(8)), blocks: d.readUInt32BE(16), state: d[20] & 0xf };
};

describe('READ CAPACITY', () => {
  it('(10) gives last LBA and block size; (16) adds LBPME and LBPRZ and honours small allocation lengths', async () => {
    const dev = await device([{ lun: 0, backing: 'ram', size: 4 * 1024 * 1024, blockSize: 4096 }]);
    const r10 = (await run(dev, [0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0])).dataIn!;
    expect([r10.readUInt32BE(0), r10.readUInt32BE(4)]).toEqual([1023, 4096]);
    const r16 = (await run(dev, [0x9e, 0x10, ...Array(8).fill(0), ...be32(32), 0, 0])).dataIn!;
    expect(r16.readBigUInt64BE(0)).toBe(1023n);
    expect(r16[14] & 0xc0).toBe(0xc0);
    expect((await run(dev, [0x9e, 0x10, ...Array(8).fill(0), ...be32(5), 0, 0])).dataIn!.length).toBe(5);
    expect(sense(await run(dev, [0x25, 0, 0, 0, 0, 1, 0, 0, 0, 0]))).toMatchObject({ asc: 0x24, sks: { byte: 2 } });
  });
});

describe('UNMAP and GET LBA STATUS', () => {
  it('unmapped blocks read zeros and are reported deallocated; written ones mapped', async () => {
    const dev = await device();
    expect(await status(dev, 0)).toEqual({ lba: 0, blocks: 2048, state: 1 });
    await run(dev, write10(0, 8), { data: Buffer.alloc(4096, 0xaa) });
    expect(await status(dev, 0)).toEqual({ lba: 0, blocks: 8, state: 0 });
    const list = unmapList([[2, 3]]);
    expect((await run(dev, unmap(list.length), { data: list })).status).toBe(0);
    expect(await status(dev, 2)).toEqual({ lba: 2, blocks: 3, state: 1 });
    const back = (await run(dev, read10(0, 8))).dataIn!;
    expect(back.subarray(1024, 2560).every(x => x === 0)).toBe(true);
    expect(back.subarray(0, 1024).every(x => x === 0xaa)).toBe(true);
  });
  it('GET LBA STATUS beyond the last LBA is LBA OUT OF RANGE', async () => {
    expect(sense(await run(await device(), getLbaStatus(2048)))).toMatchObject({ key: 5, asc: 0x21 });
  });
  it('UNMAP validates: length 0 GOOD, 1..7 PARAMETER LIST LENGTH ERROR, a range past the end LBA OUT OF RANGE, ANCHOR refused', async () => {
    const dev = await device();
    expect((await run(dev, unmap(0))).status).toBe(0);
    expect(sense(await run(dev, unmap(6), { data: Buffer.alloc(6) }))).toMatchObject({ asc: 0x1a });
    const past = unmapList([[2040, 9]]);
    expect(sense(await run(dev, unmap(past.length), { data: past }))).toMatchObject({ asc: 0x21 });
    expect(sense(await run(dev, [0x42, 1, 0, 0, 0, 0, 0, 0, 24, 0], { data: unmapList([[0, 1]]) }))).toMatchObject({ asc: 0x24, sks: { byte: 1, bit: 0 } });
    const big = unmapList(Array.from({ length: 257 }, (_, i) => [i, 1] as [number, number]));
    expect(sense(await run(dev, unmap(big.length), { data: big }))).toMatchObject({ asc: 0x26 });
  });
});

describe('WRITE SAME', () => {
  it('writes the block over the range; UNMAP=1 with zeros deallocates it', async () => {
    const dev = await device();
    const block = Buffer.alloc(512, 0x5c);
    expect((await run(dev, ws16(100, 10), { data: block, edtl: 512 })).status).toBe(0);
    expect((await run(dev, read10(100, 10))).dataIn!.every(x => x === 0x5c)).toBe(true);
    expect((await run(dev, ws10(100, 10, 0x08), { data: Buffer.alloc(512), edtl: 512 })).status).toBe(0);
    expect(await status(dev, 100)).toEqual({ lba: 100, blocks: 1948, state: 1 });
  });
  it('0 blocks writes to the end; beyond the end is LBA OUT OF RANGE; ANCHOR and WRPROTECT are INVALID FIELD IN CDB', async () => {
    const dev = await device();
    expect((await run(dev, ws10(2040, 0), { data: Buffer.alloc(512, 1), edtl: 512 })).status).toBe(0);
    expect((await run(dev, read10(2047, 1))).dataIn!.every(x => x === 1)).toBe(true);
    expect(sense(await run(dev, ws10(2049, 0), { data: Buffer.alloc(512), edtl: 512 }))).toMatchObject({ asc: 0x21 });
    expect(sense(await run(dev, ws16(0, 1, 0x10), { data: Buffer.alloc(512), edtl: 512 }))).toMatchObject({ asc: 0x24, sks: { byte: 1, bit: 4 } });
    expect(sense(await run(dev, ws16(0, 1, 0x20), { data: Buffer.alloc(512), edtl: 512 }))).toMatchObject({ asc: 0x24, sks: { byte: 1, bit: 7 } });
  });
  it('a Data-Out other than one block is ILLEGAL REQUEST; above MAXIMUM WRITE SAME LENGTH is INVALID FIELD IN CDB', async () => {
    const dev = await device([{ lun: 0, backing: 'ram', size: 64 * 1024 * 1024, blockSize: 512 }]);
    expect(sense(await run(dev, ws10(0, 1), { data: Buffer.alloc(256), edtl: 256 }))).toMatchObject({ key: 5 });
    expect(sense(await run(dev, ws10(0, 1), { data: Buffer.alloc(1024), edtl: 1024 }))).toMatchObject({ key: 5 });
    expect(sense(await run(dev, ws16(0, 0x10001), { data: Buffer.alloc(512), edtl: 512 }))).toMatchObject({ asc: 0x24, sks: { byte: 10 } });
    expect(sense(await run(dev, ws16(0, 0), { data: Buffer.alloc(512), edtl: 512 }))).toMatchObject({ asc: 0x24 });
  });
});
