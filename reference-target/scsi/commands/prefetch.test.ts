// PRE-FETCH (10, 16): GOOD for any range inside the LU (no cache to fill, so never CONDITION MET),
// LBA OUT OF RANGE past the end, IMMED and GROUP NUMBER accepted, reserved bits refused.
import { describe, expect, it } from 'vitest';
import { be16, be32, be64, device, run, sense } from '../scsi.test-helpers.js';

const pf10 = (lba: number, n: number, byte1 = 0, group = 0) => [0x34, byte1, ...be32(lba), group, ...be16(n), 0];
const pf16 = (lba: bigint, n: number, byte1 = 0, group = 0) => [0x90, byte1, ...be64(lba), ...be32(n), group, 0];
const IMMED = 0x02;
const BLOCKS = 2048; // the default 1 MiB LU of 512-byte blocks

describe('PRE-FETCH', () => {
  it.each([
    ['(10) the first block', pf10(0, 1)], ['(10) the last 256 blocks', pf10(BLOCKS - 256, 256)],
    ['(10) 0 blocks from LBA 0 (the whole LU)', pf10(0, 0)], ['(10) 0 blocks from the last LBA', pf10(BLOCKS - 1, 0)],
    ['(10) IMMED=1 and GROUP NUMBER 3', pf10(0, 1, IMMED, 3)],
    ['(16) the last block', pf16(BigInt(BLOCKS - 1), 1)], ['(16) IMMED=1 and GROUP NUMBER 3', pf16(0n, 1, IMMED, 3)],
  ])('%s completes with GOOD, not CONDITION MET', async (_n, cdb) => {
    const r = await run(await device(), cdb);
    expect(r.status).toBe(0);
    expect(r.dataIn).toBeUndefined();
  });
  it.each([
    ['(10) 0 blocks one past the end', pf10(BLOCKS + 1, 0)], ['(10) 2 blocks from the last LBA', pf10(BLOCKS - 1, 2)],
    ['(10) LBA 0xFFFFFFFF', pf10(0xffffffff, 1)], ['(16) LBA 2^63', pf16(1n << 63n, 1)], ['(16) 1 block at the capacity', pf16(BigInt(BLOCKS), 1)],
  ])('%s is LOGICAL BLOCK ADDRESS OUT OF RANGE', async (_n, cdb) => {
    expect(sense(await run(await device(), cdb))).toMatchObject({ key: 5, asc: 0x21, ascq: 0 });
  });
  it('a reserved bit in byte 1 (the obsolete RELADR) is INVALID FIELD IN CDB pointing at byte 1', async () => {
    expect(sense(await run(await device(), pf10(0, 1, 0x01)))).toMatchObject({ key: 5, asc: 0x24, sks: { cd: true, byte: 1 } });
  });
});
