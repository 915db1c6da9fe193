// SBC-3 READ CAPACITY(10) and (16): last LBA and block length; (16) adds LBPME/LBPRZ for thin provisioning.
import { ReadCapacity10, ReadCapacity16 } from '../../../harness/scsi/commands/sbc-other.js';
import { defineHandler } from '../handler.js';
import { good } from '../reply.js';

/** READ CAPACITY(10)/(16): allowed under any persistent reservation (SPC-4 table); PMI/LBA rule via the declaration. */
export const handlers = [
  defineHandler({
    cdb: ReadCapacity10, access: () => 'none',
    run: async ({ lu }) => {
      const b = Buffer.alloc(8);
      // 0xFFFFFFFF tells the initiator to use READ CAPACITY(16) (SBC-3).
      b.writeUInt32BE(Math.min(lu.blocks - 1, 0xffffffff), 0);
      b.writeUInt32BE(lu.blockSize, 4);
      return good(b);
    },
  }),
  defineHandler({
    cdb: ReadCapacity16, access: () => 'none',
    run: async ({ lu }) => {
      const b = Buffer.alloc(32);
      b.writeBigUInt64BE(BigInt(lu.blocks - 1), 0);
      b.writeUInt32BE(lu.blockSize, 8);
      b[14] = 0x80 | 0x40; // LBPME: UNMAP / WRITE SAME unmap usable; LBPRZ: unmapped blocks read zeros
      return good(b);
    },
  }),
];
