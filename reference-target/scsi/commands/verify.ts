// SBC-3 VERIFY (10, 12, 16): BYTCHK 0 checks the medium only; 1 compares the Data-Out with it;
// 3 (SBC-4) compares one block with every block. A difference is MISCOMPARE 1D/00 with the offset.
import type { Cdb, CdbValue } from '../../../harness/scsi/cdb.js';
import { Verify10, Verify12, Verify16 } from '../../../harness/scsi/commands/sbc-rw.js';
import { dataOut, defineHandler, type Ctx } from '../handler.js';
import { good, miscompare, type Reply } from '../reply.js';
import { firstDifference, protectError, rangeError, transferLimitError } from './sbc-common.js';

type V = CdbValue & { bytchk: number; verificationLength: number };

async function verify(cdb: Cdb<CdbValue>, ctx: Ctx<V>): Promise<Reply> {
  const lba = cdb.lba!(ctx.v), blocks = cdb.blocks!(ctx.v);
  const bad = protectError(ctx.v) ?? transferLimitError(cdb, ctx, blocks, 'verificationLength') ?? rangeError(ctx.lu, lba, blocks);
  if (bad) return bad;
  if (ctx.v.bytchk === 0 || blocks === 0) return good();
  const bs = ctx.lu.blockSize;
  const medium = await ctx.lu.backend.read(Number(lba), blocks);
  const sent = dataOut(ctx.req, cdb.transferLength(ctx.v, bs));
  // BYTCHK 3: the one block sent stands for every block of the range.
  const expected = ctx.v.bytchk === 3 ? Buffer.concat(Array.from({ length: blocks }, () => sent)) : sent;
  // Only what arrived is compared (EDTL below the CDB's length moves less data, FCP-4 / libiscsi residuals).
  const at = firstDifference(expected, medium.subarray(0, expected.length));
  return at < 0 ? good() : miscompare(at);
}

/** VERIFY reads the medium: conflicts with Exclusive Access reservations only (SPC-4). */
export const handlers = [Verify10, Verify12, Verify16].map(c =>
  defineHandler<V>({ cdb: c as Cdb<CdbValue>, access: () => 'read', run: ctx => verify(c as Cdb<CdbValue>, ctx) }));
