// SBC-3 READ(10): in-range reads, zero-length reads, reads past the last LBA, DPO/FUA, RDPROTECT, reserved bits.
import { defineSection } from '../../harness/runner/case.js';
import { pass, scsiStatus, sense } from '../../harness/runner/outcomes.js';
import { Read10 } from '../../harness/scsi/commands/sbc-rw.js';
import { Asc, capacity, scsi, SenseKey } from '../support.js';
import { rwCases } from './_rw-rows.js';
import { Read10 as Read10Row } from './_rw-specs.js';

const [lbaAsc, lbaAscq] = Asc.LBA_OUT_OF_RANGE;

export default defineSection('sbc/read10', 'READ(10)', [
  {
    n: 1,
    title: 'READ(10) of one block at LBA 0 returns one block of data',
    level: 'MUST',
    requirement: 'READ(10) transfers TRANSFER LENGTH logical blocks starting at the LOGICAL BLOCK ADDRESS.',
    ref: 'sbc3 READ(10)',
    tags: ['scsi', 'read'],
    async run(t) {
      const c = await t.login();
      const { blockSize } = await capacity(t, c);
      await t.expect(scsi(t, c, Read10.encode({ lba: 0, transferLength: 1 }), { read: blockSize }),
        pass(scsiStatus(0, x => x.data.length === blockSize, ` with ${blockSize} bytes`)));
    },
  },
  {
    n: 2,
    title: 'READ(10) with TRANSFER LENGTH 0 is not an error',
    level: 'MUST',
    requirement: 'A TRANSFER LENGTH of zero means no logical blocks are read; this is not an error.',
    ref: 'sbc3 READ(10)',
    tags: ['scsi', 'read', 'boundary'],
    async run(t) {
      const c = await t.login();
      await t.expect(scsi(t, c, Read10.encode({ lba: 0, transferLength: 0 })), pass(scsiStatus(0, x => x.data.length === 0, ' with no data')));
    },
  },
  {
    n: 3,
    title: 'READ(10) starting beyond the last LBA gets LOGICAL BLOCK ADDRESS OUT OF RANGE',
    level: 'MUST',
    requirement: 'If the LBA plus the transfer length exceeds the capacity, the command ends with CHECK CONDITION, ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.',
    ref: 'sbc3 READ(10)',
    tags: ['scsi', 'read', 'boundary'],
    async run(t) {
      const c = await t.login();
      const { blocks, blockSize } = await capacity(t, c);
      if (blocks > 0xffffffffn) t.skip('the LU is larger than READ(10) can address');
      await t.expect(scsi(t, c, Read10.encode({ lba: Number(blocks), transferLength: 1 }), { read: blockSize }), pass(sense(SenseKey.ILLEGAL_REQUEST, lbaAsc, lbaAscq)));
    },
  },
  {
    n: 4,
    title: 'READ(10) that runs past the last LBA gets LOGICAL BLOCK ADDRESS OUT OF RANGE',
    level: 'MUST',
    requirement: 'A read that starts inside the LU but whose last block lies beyond the capacity also ends with ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.',
    ref: 'sbc3 READ(10)',
    tags: ['scsi', 'read', 'boundary'],
    async run(t) {
      const c = await t.login();
      const { lastLba, blockSize } = await capacity(t, c);
      if (lastLba >= 0xffffffffn) t.skip('the LU is larger than READ(10) can address');
      await t.expect(scsi(t, c, Read10.encode({ lba: Number(lastLba), transferLength: 2 }), { read: 2 * blockSize }), pass(sense(SenseKey.ILLEGAL_REQUEST, lbaAsc, lbaAscq)));
    },
  },
  // The rest of the family table (suites/sbc/_rw-rows.ts); 1-4 above predate it and keep their numbers.
  ...rwCases(Read10Row, { last: 5, wrap: 6, zeroPastEnd: 7, zeroFieldMax: 8, dpoFua: 9, protect: 10, reserved: 11 }),
]);
