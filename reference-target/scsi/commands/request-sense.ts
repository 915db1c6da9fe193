// SPC-4 REQUEST SENSE: returns (and clears) a pending unit attention, 25/00 for a missing LU, or NO SENSE.
import { RequestSense } from '../../../harness/scsi/commands/spc.js';
import { defineHandler } from '../handler.js';
import { good, senseBytes, SenseKey, type SenseSpec } from '../reply.js';

/** REQUEST SENSE: status GOOD whatever the sense reports; DESC picks the format (SPC-4). */
export const handlers = [
  defineHandler({
    cdb: RequestSense, anyLun: true, uaExempt: true, access: () => 'none', reserve2Allowed: () => true,
    run: async ({ v, lu, nexus }) => {
      const s: SenseSpec = !lu ? { key: SenseKey.ILLEGAL_REQUEST, asc: 0x25, ascq: 0x00 }
        : lu.ua.take(nexus) ?? { key: SenseKey.NO_SENSE, asc: 0, ascq: 0 };
      return good(senseBytes(s, v.desc));
    },
  }),
];
