// SBC-3 GET LBA STATUS: provisioning status descriptors (0 mapped, 1 deallocated) from the starting LBA.
import { GetLbaStatus } from '../../../harness/scsi/commands/sbc-other.js';
import { defineHandler } from '../handler.js';
import { good, lbaOutOfRange } from '../reply.js';

/** Descriptors returned at most, whatever the allocation length. */
const MAX_DESCRIPTORS = 64;

/** GET LBA STATUS reads provisioning state: conflicts with Exclusive Access reservations only. */
export const handlers = [
  defineHandler({
    cdb: GetLbaStatus, access: () => 'read',
    run: async ({ v, lu }) => {
      // Starting LBA past the last block: LBA OUT OF RANGE (libiscsi GetLBAStatus.BeyondEol; tgt gets this wrong).
      if (v.lba >= BigInt(lu.blocks)) return lbaOutOfRange();
      const room = Math.max(1, Math.min(MAX_DESCRIPTORS, Math.floor((v.allocationLength - 8) / 16)));
      const descs: Buffer[] = [];
      for (let lba = Number(v.lba); lba < lu.blocks && descs.length < room;) {
        const run = lu.backend.provisioning(lba, 0xffffffff);
        const d = Buffer.alloc(16);
        d.writeBigUInt64BE(BigInt(run.lba), 0);
        d.writeUInt32BE(run.blocks, 8);
        d[12] = run.mapped ? 0 : 1;
        descs.push(d);
        lba += run.blocks;
      }
      const h = Buffer.alloc(8);
      h.writeUInt32BE(4 + 16 * descs.length, 0); // PARAMETER DATA LENGTH: bytes after this field
      return good(Buffer.concat([h, ...descs]));
    },
  }),
];
