// WRITE SAME with UNMAP=1 unmaps whatever the block holds; its length limit follows MAXIMUM TRANSFER LENGTH.
import { describe, expect, it } from 'vitest';
import { maxTransferBlocks } from '../limits.js';
import { be16, be32, be64, device, read10, run, sense, write10 } from '../scsi.test-helpers.js';

const ws10 = (lba: number, n: number, byte1 = 0) => [0x41, byte1, ...be32(lba), 0, ...be16(n), 0];
const ws16 = (lba: number, n: number, byte1 = 0) => [0x93, byte1, ...be64(BigInt(lba)), ...be32(n), 0, 0];
const UNMAP = 0x08;

describe('WRITE SAME, UNMAP=1', () => {
  it('unmaps the range even when the block sent is not zeros: it reads back as zeros (LBPRZ=1)', async () => {
    const dev = await device();
    await run(dev, write10(2040, 8), { data: Buffer.alloc(8 * 512, 0xff) });
    // NUMBER OF LOGICAL BLOCKS 0 = to the end, as libiscsi WriteSame10.UnmapUntilEnd sends it, with a block of 0xFF.
    expect((await run(dev, ws10(2044, 0, UNMAP), { data: Buffer.alloc(512, 0xff), edtl: 512 })).status).toBe(0);
    expect((await run(dev, ws16(2040, 2, UNMAP), { data: Buffer.alloc(512, 0x5a), edtl: 512 })).status).toBe(0);
    const back = (await run(dev, read10(2040, 8))).dataIn!;
    expect(back.subarray(0, 1024).every(x => x === 0)).toBe(true);
    expect(back.subarray(1024, 2048).every(x => x === 0xff)).toBe(true);
    expect(back.subarray(2048).every(x => x === 0)).toBe(true);
  });
  it('UNMAP=0 still writes the block', async () => {
    const dev = await device();
    expect((await run(dev, ws16(10, 3), { data: Buffer.alloc(512, 0x5a), edtl: 512 })).status).toBe(0);
    expect((await run(dev, read10(10, 3))).dataIn!.every(x => x === 0x5a)).toBe(true);
  });
});

describe('WRITE SAME length limit', () => {
  it.each([512, 4096] as const)('with %i-byte blocks: MAXIMUM TRANSFER LENGTH blocks pass, one more is INVALID FIELD IN CDB', async bs => {
    const max = maxTransferBlocks(bs);
    const dev = await device([{ lun: 0, backing: 'ram', size: 4 * max * bs, blockSize: bs }]);
    expect((await run(dev, ws16(0, max, UNMAP), { data: Buffer.alloc(bs), edtl: bs })).status).toBe(0);
    expect(sense(await run(dev, ws16(0, max + 1, UNMAP), { data: Buffer.alloc(bs), edtl: bs }))).toMatchObject({ key: 5, asc: 0x24, sks: { byte: 10 } });
  });
});
