// Checks and medium access shared by the SBC-3 data commands: range, protection fields, transfer
// limits, software write protect, and writes that honour FUA / WCE and the write-lost fault.
import type { Cdb, CdbValue } from '../../../harness/scsi/cdb.js';
import { fieldPointer } from '../field-pointer.js';
import type { Ctx } from '../handler.js';
import type { LogicalUnit } from '../logical-unit.js';
import { maxTransferBlocks } from '../limits.js';
import { check, invalidCdbField, lbaOutOfRange, SenseKey, writeProtected, type Reply } from '../reply.js';

/** LBA OUT OF RANGE when `lba` is past the last block, or `lba + blocks` runs past the end (SBC-3; tgt checks LBA even for 0 blocks). */
export function rangeError(lu: LogicalUnit, lba: bigint, blocks: number): Reply | undefined {
  const cap = BigInt(lu.blocks);
  return lba >= cap || lba + BigInt(blocks) > cap ? lbaOutOfRange() : undefined;
}

/** Non-zero RDPROTECT / WRPROTECT / VRPROTECT / ORPROTECT on an LU without protection information: INVALID FIELD IN CDB byte 1 bit 7. */
export function protectError(v: Record<string, unknown>): Reply | undefined {
  for (const f of ['rdprotect', 'wrprotect', 'vrprotect', 'orprotect']) if (typeof v[f] === 'number' && v[f] !== 0) return invalidCdbField(1, 7);
  return undefined;
}

/** More blocks than MAXIMUM TRANSFER LENGTH: INVALID FIELD IN CDB at the length field (SBC-3 Block Limits). */
export function transferLimitError(cdb: Cdb<CdbValue>, ctx: Ctx<unknown>, blocks: number, field: string): Reply | undefined {
  return blocks <= maxTransferBlocks(ctx.lu.blockSize) ? undefined : cdbFieldError(cdb, ctx, field);
}

/** INVALID FIELD IN CDB pointing at a named field of the declaration. */
export const cdbFieldError = (cdb: Cdb<CdbValue>, ctx: Ctx<unknown>, field: string): Reply =>
  check(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00, { field: fieldPointer(cdb, field, ctx.req.cdb) });

/** DATA PROTECT / WRITE PROTECTED while the Control page's SWP bit is set (SPC-4). */
export const swpError = (lu: LogicalUnit): Reply | undefined => (lu.modes.softwareWriteProtect ? writeProtected() : undefined);

/**
 * Writes whole or partial data at `lba`: when the initiator sent fewer bytes than the CDB asked
 * for (EDTL below the transfer length), only those bytes change and a trailing partial block is
 * merged with the medium, as FCP-4 and libiscsi's residual tests want. FUA, or WCE=0, flushes.
 */
export async function writeData(ctx: Ctx<unknown>, lba: number, data: Buffer, fua: boolean): Promise<void> {
  const { lu, dev } = ctx;
  const bs = lu.blockSize;
  const whole = Math.floor(data.length / bs);
  let buf = data.subarray(0, whole * bs);
  if (data.length % bs !== 0) {
    const last = await lu.backend.read(lba + whole, 1);
    data.copy(last, 0, whole * bs);
    buf = Buffer.concat([buf, last]);
  }
  if (buf.length === 0) return;
  if (dev.faults.has('fault/write-lost') && lba === 0) {
    // The deliberate deviation: report GOOD but drop LBA 0 of the transfer.
    if (buf.length > bs) await lu.backend.write(1, buf.subarray(bs));
  } else {
    await lu.backend.write(lba, buf);
  }
  if (fua || !lu.modes.writeCacheEnabled) await lu.backend.flush();
}

/** Offset of the first byte where `a` and `b` differ, or -1. */
export function firstDifference(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  if (a.subarray(0, n).equals(b.subarray(0, n))) return a.length === b.length ? -1 : n;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}
