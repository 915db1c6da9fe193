// SBC-3 READ CAPACITY(10): must agree with READ CAPACITY(16).
import { defineSection } from '../../harness/runner/case.js';
import { pass, scsiStatus } from '../../harness/runner/outcomes.js';
import { ReadCapacity10 } from '../../harness/scsi/commands/sbc-other.js';
import { capacity, scsi } from '../support.js';

export default defineSection('sbc/read-capacity10', 'READ CAPACITY(10)', [
  {
    n: 1,
    title: 'READ CAPACITY(10) agrees with READ CAPACITY(16)',
    level: 'MUST',
    requirement: 'READ CAPACITY(10) reports the same last LBA (or 0xffffffff when it does not fit in 32 bits) and the same block length as READ CAPACITY(16).',
    ref: 'sbc3 READ CAPACITY(10)',
    tags: ['scsi', 'capacity'],
    async run(t) {
      const c = await t.login();
      const cap = await capacity(t, c);
      const last32 = cap.lastLba > 0xfffffffen ? 0xffffffff : Number(cap.lastLba);
      const e = await scsi(t, c, ReadCapacity10.encode({}), { read: 8 });
      await t.expect(e, pass(scsiStatus(0, x => x.data.length === 8 && x.data.readUInt32BE(0) === last32 && x.data.readUInt32BE(4) === cap.blockSize,
        ` with last LBA ${last32} and block length ${cap.blockSize}`)));
    },
  },
]);
