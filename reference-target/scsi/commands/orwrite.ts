// SBC-3 ORWRITE(16): each block becomes (medium OR Data-Out). Read, OR and write happen with no
// other command in between because the device runs one command per LU at a time, which gives the
// "uninterrupted series of actions" SBC-3 asks for (as COMPARE AND WRITE relies on).
import { OrWrite16 } from '../../../harness/scsi/commands/sbc-media.js';
import { dataOut, defineHandler } from '../handler.js';
import { good } from '../reply.js';
import { protectError, rangeError, swpError, transferLimitError, writeData } from './sbc-common.js';

/** ORWRITE changes the medium: it conflicts with every reservation type (SPC-4 PR table). */
export const handlers = [
  defineHandler({
    cdb: OrWrite16, access: () => 'write',
    run: async ctx => {
      const { v, lu } = ctx;
      const n = v.transferLength;
      const bad = protectError(v) ?? transferLimitError(OrWrite16, ctx, n, 'transferLength') ?? rangeError(lu, v.lba, n) ?? swpError(lu);
      if (bad) return bad;
      // TRANSFER LENGTH 0 transfers nothing and is not an error (SBC-3), once the LBA is in range.
      if (n === 0) return good();
      const data = dataOut(ctx.req, n * lu.blockSize);
      const lba = Number(v.lba);
      const merged = await lu.backend.read(lba, n);
      // Only what arrived is ORed in (EDTL below the CDB's length, as for WRITE); the rest keeps its bytes.
      for (let i = 0; i < data.length; i++) merged[i] = merged[i]! | data[i]!;
      await writeData(ctx, lba, merged.subarray(0, Math.ceil(data.length / lu.blockSize) * lu.blockSize), v.fua);
      return good();
    },
  }),
];
