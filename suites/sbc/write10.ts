// SBC-3 WRITE(10): data written reads back the same; writes past the end are refused. Destructive.
import { defineSection } from '../../harness/runner/case.js';
import { pass, scsiStatus, sense } from '../../harness/runner/outcomes.js';
import { Read10, Write10 } from '../../harness/scsi/commands/sbc-rw.js';
import { Asc, capacity, scsi, SenseKey } from '../support.js';

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
      const data = Buffer.alloc(blockSize * 2);
      for (let i = 0; i < data.length; i++) data[i] = (i * 31 + t.seed) & 0xff;
      const blocks = lba >= 1 ? 2 : 1;
      const payload = data.subarray(0, blocks * blockSize);
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
]);
