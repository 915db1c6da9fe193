// SBC-3 READ CAPACITY(10): must agree with READ CAPACITY(16); PMI/LBA rule; reserved bits.
import { defineSection } from '../../harness/runner/case.js';
import { nonStrict, pass, scsiStatus } from '../../harness/runner/outcomes.js';
import { ReadCapacity10 } from '../../harness/scsi/commands/sbc-other.js';
import { capacity, scsi } from '../support.js';
import { good, invalidField, withBits } from '../support-sbc.js';

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
  {
    n: 2,
    title: 'READ CAPACITY(10) with PMI 0 and a non-zero LBA is rejected with INVALID FIELD IN CDB',
    level: 'SHOULD',
    requirement: 'With PMI=0 the LOGICAL BLOCK ADDRESS must be zero; SBC-3 rejects a non-zero LBA with ILLEGAL REQUEST, INVALID FIELD IN CDB (SBC-4 made both fields obsolete, so GOOD is tolerated).',
    ref: 'sbc3 READ CAPACITY(10) (PMI)',
    tags: ['scsi', 'capacity'],
    async run(t) {
      const c = await t.login();
      await t.expect(scsi(t, c, ReadCapacity10.encode({ lba: 1 }), { read: 8 }), pass(invalidField()), nonStrict(good()));
    },
  },
  {
    n: 3,
    title: 'READ CAPACITY(10) with a reserved bit set is rejected with INVALID FIELD IN CDB',
    level: 'SHOULD',
    requirement: 'A reserved CDB bit set to one may be reported as ILLEGAL REQUEST, INVALID FIELD IN CDB; completing the command anyway is tolerated (fails under --strict).',
    ref: 'sbc3 READ CAPACITY(10); spc4 reserved fields',
    tags: ['scsi', 'capacity', 'reserved'],
    async run(t) {
      const c = await t.login();
      await t.expect(scsi(t, c, withBits(ReadCapacity10.encode({}), 6, 0x01), { read: 8 }), pass(invalidField()), nonStrict(good()));
    },
  },
]);
