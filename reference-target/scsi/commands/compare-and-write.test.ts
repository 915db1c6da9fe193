// COMPARE AND WRITE with NUMBER OF LOGICAL BLOCKS 0: a no-op only when no Data-Out comes with it.
import { describe, expect, it } from 'vitest';
import { be64, device, read10, run, sense, write10 } from '../scsi.test-helpers.js';

const caw = (lba: number, n: number) => [0x89, 0, ...be64(BigInt(lba)), 0, 0, 0, n, 0, 0];

describe('COMPARE AND WRITE, 0 blocks', () => {
  it('without Data-Out is GOOD and changes nothing (SBC-3)', async () => {
    const dev = await device();
    await run(dev, write10(0, 1), { data: Buffer.alloc(512, 0x41) });
    expect((await run(dev, caw(0, 0), { edtl: 0 })).status).toBe(0);
    expect((await run(dev, read10(0, 1))).dataIn!.every(x => x === 0x41)).toBe(true);
  });
  it('with Data-Out (256 blocks sent, which the 8-bit field wraps to 0) is INVALID FIELD IN CDB at byte 13, nothing written', async () => {
    const dev = await device();
    await run(dev, write10(0, 256), { data: Buffer.alloc(256 * 512, 0x41) });
    const data = Buffer.concat([Buffer.alloc(256 * 512, 0x41), Buffer.alloc(256 * 512, 0x42)]);
    expect(sense(await run(dev, caw(0, 0), { data }))).toMatchObject({ key: 5, asc: 0x24, ascq: 0, sks: { cd: true, byte: 13 } });
    expect((await run(dev, read10(0, 256))).dataIn!.every(x => x === 0x41)).toBe(true);
  });
});
