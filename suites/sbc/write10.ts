// SBC-3 WRITE(10): data written reads back the same; writes past the end are refused; DPO/FUA, WRPROTECT, reserved bits. Destructive.
import { defineSection } from '../../harness/runner/case.js';
import { pass, scsiStatus, sense } from '../../harness/runner/outcomes.js';
import { Read10, Write10 } from '../../harness/scsi/commands/sbc-rw.js';
import { Asc, capacity, scsi, SenseKey } from '../support.js';
import { blockPattern, Region } from '../support-sbc.js';
import { integrity } from './_rw-extra.js';
import { rwCases } from './_rw-rows.js';
import { Write10 as Write10Row } from './_rw-specs.js';

export default defineSection('sbc/write10', 'WRITE(10)', [
  {
    n: 1,
    title: 'a block written with WRITE(10) reads back unchanged',
    level: 'MUST',
    requirement: 'WRITE(10) stores the logical blocks it transfers; a later READ of the same LBA returns the same data.',
    ref: 'sbc3 WRITE(10)',
    tags: ['scsi', 'write'],
    requires: ['dataloss'],
    async run(t) {
      const c = await t.login();
      const { lastLba, blockSize } = await capacity(t, c);
      if (lastLba > 0xffffffffn) t.skip('the LU is larger than WRITE(10) can address');
      const lba = Number(lastLba); // the last block: the least likely to hold a partition table
      const blocks = lba >= 1 ? 2 : 1;
      // The per-LBA pattern: other cases running in parallel write the last LBA with the same bytes.
      const payload = Buffer.concat(Array.from({ length: blocks }, (_x, i) => blockPattern(BigInt(lba - blocks + 1 + i), blockSize)));
      await t.expect(scsi(t, c, Write10.encode({ lba: lba - blocks + 1, transferLength: blocks }), { write: payload }), pass(scsiStatus(0)));
      await t.expect(scsi(t, c, Read10.encode({ lba: lba - blocks + 1, transferLength: blocks }), { read: payload.length }),
        pass(scsiStatus(0, x => x.data.equals(payload), ` with the ${payload.length} bytes just written`)));
    },
  },
  {
    n: 2,
    title: 'WRITE(10) beyond the last LBA gets LOGICAL BLOCK ADDRESS OUT OF RANGE',
    level: 'MUST',
    requirement: 'A write whose range exceeds the capacity ends with CHECK CONDITION, ILLEGAL REQUEST, LOGICAL BLOCK ADDRESS OUT OF RANGE.',
    ref: 'sbc3 WRITE(10)',
    tags: ['scsi', 'write', 'boundary'],
    requires: ['dataloss'],
    async run(t) {
      const c = await t.login();
      const { blocks, blockSize } = await capacity(t, c);
      if (blocks > 0xffffffffn) t.skip('the LU is larger than WRITE(10) can address');
      const [asc, ascq] = Asc.LBA_OUT_OF_RANGE;
      await t.expect(scsi(t, c, Write10.encode({ lba: Number(blocks), transferLength: 1 }), { write: Buffer.alloc(blockSize, 0xa5) }), pass(sense(SenseKey.ILLEGAL_REQUEST, asc, ascq)));
    },
  },
  // The rest of the family table (suites/sbc/_rw-rows.ts); 1-2 above predate it and keep their numbers.
  ...rwCases(Write10Row, { first: 3, last: 4, straddle: 5, wrap: 6, zero: 7, zeroPastEnd: 8, zeroFieldMax: 9, dpoFua: 10, protect: 11, reserved: 12 }),
  { n: 13, ...integrity(Write10Row, Region.write10, 1) },
]);
