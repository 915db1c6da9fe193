// SBC-3 WRITE SAME (10, 16): one block written over a range, or the range unmapped (UNMAP=1, LBPWS/LBPWS10);
// NDOB (SBC-4, WRITE SAME(16) only) sends no data and means zeros. (SCSI-NOTES WRITE SAME)
import type { Cdb, CdbValue } from '../../../harness/scsi/cdb.js';
import { WriteSame10, WriteSame16 } from '../../../harness/scsi/commands/sbc-other.js';
import { dataOut, defineHandler, type Ctx } from '../handler.js';
import { maxWriteSameBlocks } from '../limits.js';
import { good, invalidCdbField, invalidFieldInIu, lbaOutOfRange, type Reply } from '../reply.js';
import { cdbFieldError, protectError, swpError, writeData } from './sbc-common.js';

type V = CdbValue & { anchor: boolean; unmap: boolean; pbdata: boolean; lbdata: boolean; ndob?: boolean; numberOfBlocks: number };

/** Blocks written per backend call, so a long range does not build one huge buffer. */
const SLICE = 256;

async function writeSame(cdb: Cdb<CdbValue>, ctx: Ctx<V>): Promise<Reply> {
  const { v, lu } = ctx;
  const bad = protectError(v);
  if (bad) return bad;
  if (v.anchor) return invalidCdbField(1, 4);           // ANC_SUP=0 in the provisioning VPD page
  if (v.pbdata || v.lbdata) return invalidCdbField(1, v.pbdata ? 2 : 1); // obsolete, not supported
  const lba = cdb.lba!(v);
  if (lba >= BigInt(lu.blocks)) return lbaOutOfRange();
  // NUMBER OF LOGICAL BLOCKS 0 with WSNZ=0: from LBA to the last block (SBC-3).
  const n = v.numberOfBlocks === 0 ? lu.blocks - Number(lba) : v.numberOfBlocks;
  if (lba + BigInt(n) > BigInt(lu.blocks)) return lbaOutOfRange();
  if (n > maxWriteSameBlocks(lu.blockSize)) return cdbFieldError(cdb, ctx, 'numberOfBlocks');
  const swp = swpError(lu);
  if (swp) return swp;
  const bs = lu.blockSize;
  const want = v.ndob ? 0 : bs;
  // A partial or extra block cannot be "the same block": the EDTL must match (libiscsi WriteSame*.InvalidDataOutSize).
  if (ctx.req.expectedDataTransferLength !== want || ctx.req.dataOut.length < want) return invalidFieldInIu();
  const block = v.ndob ? Buffer.alloc(bs) : dataOut(ctx.req, bs);
  const start = Number(lba);
  if (v.unmap) {
    // UNMAP=1, ANCHOR=0 asks for an unmap operation, not a write, whatever the block holds (SBC-3
    // WRITE SAME, UNMAP/ANCHOR table); with LBPRZ=1 the range then reads as zeros.
    await lu.backend.unmap(start, n);
    return good();
  }
  const slice = Buffer.concat(Array.from({ length: Math.min(n, SLICE) }, () => block));
  for (let at = 0; at < n; at += SLICE) {
    const k = Math.min(SLICE, n - at);
    await writeData(ctx, start + at, slice.subarray(0, k * bs), false);
  }
  return good();
}

/** WRITE SAME changes the medium: conflicts with every reservation type (SPC-4). */
export const handlers = [WriteSame10, WriteSame16].map(c =>
  defineHandler<V>({ cdb: c as Cdb<CdbValue>, access: () => 'write', run: ctx => writeSame(c as Cdb<CdbValue>, ctx) }));
