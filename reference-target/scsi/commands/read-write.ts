// SBC-3 READ and WRITE (6, 10, 12, 16) and WRITE AND VERIFY (10, 12, 16). (SCSI-NOTES READ / WRITE)
import type { Cdb, CdbValue } from '../../../harness/scsi/cdb.js';
import * as C from '../../../harness/scsi/commands/sbc-rw.js';
import { dataOut, defineHandler, type Ctx } from '../handler.js';
import { good, invalidCdbField, type Reply } from '../reply.js';
import { protectError, rangeError, swpError, transferLimitError, writeData } from './sbc-common.js';

type Rw = CdbValue & { transferLength: number; fua?: boolean; bytchk?: number };

/** READ: protection, range, transfer limit, then the blocks. fault/read-beyond-end-ok skips the range check. */
async function read(cdb: Cdb<CdbValue>, ctx: Ctx<Rw>): Promise<Reply> {
  const lba = cdb.lba!(ctx.v), blocks = cdb.blocks!(ctx.v);
  const bad = protectError(ctx.v) ?? transferLimitError(cdb, ctx, blocks, 'transferLength');
  if (bad) return bad;
  const range = rangeError(ctx.lu, lba, blocks);
  if (range) {
    if (!ctx.dev.faults.has('fault/read-beyond-end-ok')) return range;
    return good(Buffer.alloc(blocks * ctx.lu.blockSize));
  }
  return good(blocks === 0 ? Buffer.alloc(0) : await ctx.lu.backend.read(Number(lba), blocks));
}

/** WRITE / WRITE AND VERIFY: writes what arrived of the CDB's transfer (see writeData for EDTL < transfer length). */
async function write(cdb: Cdb<CdbValue>, ctx: Ctx<Rw>, verify: boolean): Promise<Reply> {
  const lba = cdb.lba!(ctx.v), blocks = cdb.blocks!(ctx.v);
  // WRITE AND VERIFY knows BYTCHK 0 and 1 only; 3 (one block for all) is VERIFY's (SBC-4).
  if (verify && (ctx.v.bytchk ?? 0) > 1) return invalidCdbField(1, 2);
  const bad = protectError(ctx.v) ?? transferLimitError(cdb, ctx, blocks, 'transferLength') ?? rangeError(ctx.lu, lba, blocks) ?? swpError(ctx.lu);
  if (bad) return bad;
  const data = dataOut(ctx.req, blocks * ctx.lu.blockSize);
  // Verification after the write compares with what was just stored: it cannot miscompare here.
  await writeData(ctx, Number(lba), data, verify || ctx.v.fua === true);
  return good();
}

const reads = [C.Read6, C.Read10, C.Read12, C.Read16] as Cdb<CdbValue>[];
const writes = [C.Write6, C.Write10, C.Write12, C.Write16] as Cdb<CdbValue>[];
const verifies = [C.WriteAndVerify10, C.WriteAndVerify12, C.WriteAndVerify16] as Cdb<CdbValue>[];

/** Reads conflict only with Exclusive Access reservations, writes with every reservation type (SPC-4). */
export const handlers = [
  ...reads.map(cdb => defineHandler<Rw>({ cdb, access: () => 'read', run: ctx => read(cdb, ctx) })),
  ...writes.map(cdb => defineHandler<Rw>({ cdb, access: () => 'write', run: ctx => write(cdb, ctx, false) })),
  ...verifies.map(cdb => defineHandler<Rw>({ cdb, access: () => 'write', run: ctx => write(cdb, ctx, true) })),
];
