// SBC-3 §5.16 READ CAPACITY(10) reserved CDB bits (numbers from 100: read-capacity10.ts holds 1-99): refused or ignored, never fatal.
import { defineSection } from '../../harness/runner/case.js';
import { pass, scsiStatus, sense } from '../../harness/runner/outcomes.js';
import { scsi, SenseKey } from '../support.js';

export default defineSection('sbc/read-capacity10', 'READ CAPACITY(10)', [
  {
    n: 100,
    title: 'READ CAPACITY(10) with a reserved bit set in byte 1 gets GOOD or INVALID FIELD IN CDB, and the target keeps serving',
    level: 'MUST',
    requirement: 'A reserved CDB field that is not zero may be reported as ILLEGAL REQUEST, INVALID FIELD IN CDB (SPC-4 §4.3.2, §2.4.2 reserved); either way the command ends with a status and the connection keeps serving (a TEST UNIT READY afterwards succeeds).',
    ref: 'sbc3/5.16',
    tags: ['sbc'],
    async run(t) {
      const c = await t.login();
      const cdb = Buffer.from([0x25, 0x20, 0, 0, 0, 0, 0, 0, 0, 0]);
      await t.expect(await scsi(t, c, cdb, { read: 8 }), pass(scsiStatus(0)), pass(sense(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00)));
      await t.expect(await scsi(t, c, Buffer.alloc(6)), pass(scsiStatus(0)));
    },
  },
]);
