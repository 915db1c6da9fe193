// SBC-3 UNMAP: deallocates the ranges of the block descriptor list; the whole list is checked
// before any block changes. (SCSI-NOTES UNMAP)
import { Unmap } from '../../../harness/scsi/commands/sbc-other.js';
import { dataOut, defineHandler } from '../handler.js';
import { MAX_UNMAP_DESCRIPTORS, MAX_UNMAP_LBA_COUNT } from '../limits.js';
import { good, invalidCdbField, invalidParamField, lbaOutOfRange, paramListLengthError } from '../reply.js';
import { swpError } from './sbc-common.js';

/** UNMAP changes the medium: conflicts with every reservation type (SPC-4). */
export const handlers = [
  defineHandler({
    cdb: Unmap, access: () => 'write',
    run: async ({ v, lu, req }) => {
      if (v.anchor) return invalidCdbField(1, 0); // ANC_SUP=0
      const swp = swpError(lu);
      if (swp) return swp;
      const len = v.parameterListLength;
      if (len === 0) return good(); // nothing to do, not an error (SBC-3)
      const d = dataOut(req, len);
      if (len < 8 || d.length < len) return paramListLengthError();
      // Descriptors that do not fit whole in the list are ignored.
      const count = Math.floor(Math.min(d.readUInt16BE(2), len - 8) / 16);
      if (count > MAX_UNMAP_DESCRIPTORS) return invalidParamField(2);
      const ranges: Array<[number, number]> = [];
      let total = 0;
      for (let i = 0; i < count; i++) {
        const at = 8 + 16 * i;
        const lba = d.readBigUInt64BE(at), n = d.readUInt32BE(at + 8);
        if (lba + BigInt(n) > BigInt(lu.blocks) || (n > 0 && lba >= BigInt(lu.blocks))) return lbaOutOfRange();
        total += n;
        if (n > 0) ranges.push([Number(lba), n]);
      }
      if (total > MAX_UNMAP_LBA_COUNT) return invalidParamField(8);
      for (const [lba, n] of ranges) await lu.backend.unmap(lba, n);
      return good();
    },
  }),
];
