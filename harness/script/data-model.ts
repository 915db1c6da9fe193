// What a script wrote, block by block, so a later read of the same blocks can be compared (the "data" oracle).
import type { ScsiOutcome } from './scsi.js';

interface Io { lba: bigint; blocks: number; write: boolean }

/** LBA and block count of READ/WRITE(6/10/12/16) (SBC-3 §5); undefined for other commands. */
export function ioOf(cdb: Buffer): Io | undefined {
  const op = cdb[0];
  const be = (at: number, n: number): number => { let v = 0; for (let i = 0; i < n; i++) v = v * 256 + (cdb[at + i] ?? 0); return v; };
  switch (op) {
    case 0x08: case 0x0a: return { lba: BigInt(be(1, 3) & 0x1fffff), blocks: cdb[4] || 256, write: op === 0x0a };
    case 0x28: case 0x2a: return { lba: BigInt(be(2, 4)), blocks: be(7, 2), write: op === 0x2a };
    case 0xa8: case 0xaa: return { lba: BigInt(be(2, 4)), blocks: be(6, 4), write: op === 0xaa };
    case 0x88: case 0x8a: return { lba: (BigInt(be(2, 4)) << 32n) | BigInt(be(6, 4)), blocks: be(10, 4), write: op === 0x8a };
    default: return undefined;
  }
}

/** Blocks written in this script (per LUN), and the block size READ CAPACITY reported. */
export class DataModel {
  private readonly blocks = new Map<string, Buffer>();
  private blockSize = 512;

  /** Feeds one finished command; returns a message when a read disagrees with what was written. */
  observe(lun: bigint, cdb: Buffer, dataOut: Buffer | undefined, r: ScsiOutcome): string | undefined {
    if (r.end !== 'status' || r.status !== 0) return undefined;
    if (cdb[0] === 0x25 && r.data.length >= 8) { this.blockSize = r.data.readUInt32BE(4) || 512; return undefined; }
    if (cdb[0] === 0x9e && (cdb[1]! & 0x1f) === 0x10 && r.data.length >= 12) { this.blockSize = r.data.readUInt32BE(8) || 512; return undefined; }
    const io = ioOf(cdb);
    if (!io) return undefined;
    const bs = this.blockSize;
    if (io.write) {
      if (!dataOut || dataOut.length !== io.blocks * bs) return undefined;
      for (let i = 0; i < io.blocks; i++) this.blocks.set(`${lun}:${io.lba + BigInt(i)}`, Buffer.from(dataOut.subarray(i * bs, (i + 1) * bs)));
      return undefined;
    }
    for (let i = 0; i < io.blocks && (i + 1) * bs <= r.data.length; i++) {
      const want = this.blocks.get(`${lun}:${io.lba + BigInt(i)}`);
      if (want && !want.equals(r.data.subarray(i * bs, (i + 1) * bs))) {
        return `block ${io.lba + BigInt(i)} of LUN ${lun} reads back different from what this script wrote`;
      }
    }
    return undefined;
  }
}
