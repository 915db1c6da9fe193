// SBC-3 COMPARE AND WRITE: compares the first half of the Data-Out with the medium and, when equal,
// writes the second half, as one atomic step (the device runs one command per LU at a time).
import { CompareAndWrite } from '../../../harness/scsi/commands/sbc-other.js';
import { dataOut, defineHandler } from '../handler.js';
import { MAX_COMPARE_AND_WRITE_BLOCKS } from '../limits.js';
import { good, invalidFieldInIu, miscompare } from '../reply.js';
import { cdbFieldError, firstDifference, protectError, rangeError, swpError, writeData } from './sbc-common.js';

/** COMPARE AND WRITE changes the medium: conflicts with every reservation type (SPC-4). */
export const handlers = [
  defineHandler({
    cdb: CompareAndWrite, access: () => 'write',
    run: async ctx => {
      const { v, lu, req } = ctx;
      const n = v.numberOfBlocks;
      if (n > MAX_COMPARE_AND_WRITE_BLOCKS) return cdbFieldError(CompareAndWrite, ctx, 'numberOfBlocks');
      const bad = protectError(v) ?? rangeError(lu, v.lba, n);
      if (bad) return bad;
      if (n === 0) {
        // SBC-3: 0 blocks compares and writes nothing and moves no Data-Out. A command that carries
        // Data-Out anyway meant blocks the 8-bit field could not hold (libiscsi sends 256 as 0):
        // GOOD would report a compare-and-write that never happened, so the field is refused.
        return req.expectedDataTransferLength === 0 ? good() : cdbFieldError(CompareAndWrite, ctx, 'numberOfBlocks');
      }
      const swp = swpError(lu);
      if (swp) return swp;
      const half = n * lu.blockSize;
      // Both halves are needed whole: any other EDTL is an error, not a residual (libiscsi CompareAndWrite.InvalidDataOutSize).
      if (req.expectedDataTransferLength !== 2 * half || req.dataOut.length < 2 * half) return invalidFieldInIu();
      const d = dataOut(req, 2 * half);
      const lba = Number(v.lba);
      if (!ctx.dev.faults.has('fault/compare-and-write-no-miscompare')) {
        const at = firstDifference(d.subarray(0, half), await lu.backend.read(lba, n));
        // INFORMATION = offset of the first differing byte in the verify data (tgt; libiscsi CompareAndWrite.Miscompare).
        if (at >= 0) return miscompare(at);
      }
      await writeData(ctx, lba, d.subarray(half), v.fua);
      return good();
    },
  }),
];
