// The Block Limits VPD page advertises what the target enforces, and its limits are consistent.
import { describe, expect, it } from 'vitest';
import { maxTransferBlocks } from './limits.js';
import { device, run } from './scsi.test-helpers.js';

describe('Block Limits VPD (0xB0)', () => {
  it.each([512, 4096] as const)('with %i-byte blocks: MAXIMUM WRITE SAME LENGTH does not exceed MAXIMUM TRANSFER LENGTH', async bs => {
    const dev = await device([{ lun: 0, backing: 'ram', size: 1024 * 1024, blockSize: bs }]);
    const p = (await run(dev, [0x12, 1, 0xb0, 0, 0xff, 0])).dataIn!;
    const maxTransfer = p.readUInt32BE(8), maxWriteSame = p.readBigUInt64BE(36);
    expect(maxTransfer).toBe(maxTransferBlocks(bs));
    // A range one WRITE SAME covers must be readable by one READ, or an initiator cannot check it (libiscsi WriteSame16.Unmap).
    expect(maxWriteSame).toBeGreaterThan(0n);
    expect(maxWriteSame).toBeLessThanOrEqual(BigInt(maxTransfer));
  });
});
