// SPC-4 REPORT LUNS: the LU inventory in peripheral / flat space addressing. (SCSI-NOTES REPORT LUNS)
import { ReportLuns } from '../../../harness/scsi/commands/spc.js';
import { lunFromNumber } from '../../../harness/scsi/lun.js';
import { defineHandler } from '../handler.js';
import { good, invalidCdbField } from '../reply.js';

/** REPORT LUNS: any LUN, despite unit attentions; allocation length below 16 is INVALID FIELD IN CDB (SPC-3, tgt). */
export const handlers = [
  defineHandler({
    cdb: ReportLuns, anyLun: true, uaExempt: true, access: () => 'none', reserve2Allowed: () => true,
    run: async ({ v, dev }) => {
      if (v.allocationLength < 16) return invalidCdbField(6);
      // SELECT REPORT 1 asks for well-known LUs only, and there are none.
      const luns = v.selectReport === 1 ? [] : [...dev.luns.keys()].sort((a, b) => a - b);
      const b = Buffer.alloc(8 + 8 * luns.length);
      b.writeUInt32BE(8 * luns.length, 0);
      luns.forEach((n, i) => b.writeBigUInt64BE(lunFromNumber(n), 8 + 8 * i));
      return good(b);
    },
  }),
];
