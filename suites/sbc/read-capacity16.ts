// SBC-3 READ CAPACITY(16): the LU's last LBA and block length.
import { defineSection } from '../../harness/runner/case.js';
import { pass, scsiStatus } from '../../harness/runner/outcomes.js';
import { ReadCapacity16 } from '../../harness/scsi/commands/sbc-other.js';
import { scsi } from '../support.js';

export default defineSection('sbc/read-capacity16', 'READ CAPACITY(16)', [
  {
    n: 1,
    title: 'READ CAPACITY(16) returns 32 bytes with a non-zero logical block length',
    level: 'MUST',
    requirement: 'READ CAPACITY(16) returns the RETURNED LOGICAL BLOCK ADDRESS (last LBA) and a non-zero LOGICAL BLOCK LENGTH IN BYTES, 32 bytes of parameter data.',
    ref: 'sbc3 READ CAPACITY(16)',
    tags: ['scsi', 'capacity'],
    async run(t) {
      const c = await t.login();
      const e = await scsi(t, c, ReadCapacity16.encode({ allocationLength: 32 }), { read: 32 });
      await t.expect(e, pass(scsiStatus(0, x => x.data.length === 32 && x.data.readUInt32BE(8) > 0, ' with 32 bytes and a non-zero block length')));
    },
  },
]);
