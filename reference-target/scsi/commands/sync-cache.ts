// SBC-3 SYNCHRONIZE CACHE (10, 16): range-checked flush of the backing store (datasync for file LUNs).
import type { Cdb, CdbValue } from '../../../harness/scsi/cdb.js';
import { SynchronizeCache10, SynchronizeCache16 } from '../../../harness/scsi/commands/sbc-other.js';
import { defineHandler, type Ctx } from '../handler.js';
import { good, lbaOutOfRange, type Reply } from '../reply.js';

async function sync(cdb: Cdb<CdbValue>, ctx: Ctx<CdbValue>): Promise<Reply> {
  const lba = cdb.lba!(ctx.v), n = cdb.blocks!(ctx.v);
  // NUMBER OF LOGICAL BLOCKS 0 means "to the last block", so only the LBA itself can be out of range.
  if (lba >= BigInt(ctx.lu.blocks) || lba + BigInt(n) > BigInt(ctx.lu.blocks)) return lbaOutOfRange();
  await ctx.lu.backend.flush();
  return good();
}

/** SYNCHRONIZE CACHE: treated as a write for reservations (SPC-4 table; tgt does the same). */
export const handlers = [SynchronizeCache10, SynchronizeCache16].map(c =>
  defineHandler<CdbValue>({ cdb: c as Cdb<CdbValue>, access: () => 'write', run: ctx => sync(c as Cdb<CdbValue>, ctx) }));
