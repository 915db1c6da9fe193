// SPC-4 TEST UNIT READY and the addressing of a LUN that does not exist (SAM-5 / SPC-4).
import { defineSection } from '../../harness/runner/case.js';
import { pass, scsiStatus, sense } from '../../harness/runner/outcomes.js';
import { ReportLuns, TestUnitReady } from '../../harness/scsi/commands/spc.js';
import { Asc, scsi, SenseKey } from '../support.js';
import { standardInquiry } from '../support-spc.js';

export default defineSection('spc/test-unit-ready', 'TEST UNIT READY', [
  {
    n: 1,
    title: 'TEST UNIT READY on a ready LU returns GOOD',
    level: 'MUST',
    requirement: 'TEST UNIT READY reports GOOD when the logical unit is ready (after any pending UNIT ATTENTION has been reported).',
    ref: 'spc4 TEST UNIT READY',
    tags: ['scsi', 'tur'],
    async run(t) {
      const c = await t.login();
      await t.expect(scsi(t, c, TestUnitReady.encode({})), pass(scsiStatus(0)));
    },
  },
  {
    n: 2,
    title: 'TEST UNIT READY to a LUN that does not exist gets LOGICAL UNIT NOT SUPPORTED',
    level: 'MUST',
    requirement: 'A command other than INQUIRY, REPORT LUNS or REQUEST SENSE addressed to a LUN that does not exist ends with CHECK CONDITION, ILLEGAL REQUEST, LOGICAL UNIT NOT SUPPORTED.',
    ref: 'sam5 (incorrect logical unit selection); spc4 TEST UNIT READY',
    tags: ['scsi', 'tur', 'lun'],
    async run(t) {
      const c = await t.login();
      const rl = await scsi(t, c, ReportLuns.encode({ allocationLength: 4096 }), { read: 4096 });
      if (rl.kind !== 'scsi' || rl.status !== 0) t.fail('REPORT LUNS returns GOOD', rl.kind, 'spc4 REPORT LUNS');
      const listed = new Set<number>();
      const d = rl.kind === 'scsi' ? rl.data : Buffer.alloc(0);
      for (let o = 8; o + 8 <= d.length; o += 8) listed.add(d.readUInt16BE(o) & 0x3fff);
      const absent = [200, 201, 202, 255].find(n => !listed.has(n))!;
      const [asc, ascq] = Asc.LOGICAL_UNIT_NOT_SUPPORTED;
      await t.expect(c.scsi(TestUnitReady.encode({}), { lun: absent }), pass(sense(SenseKey.ILLEGAL_REQUEST, asc, ascq)));
    },
  },
  {
    n: 3,
    title: 'NACA 1 in CONTROL is refused by a device server without ACA support',
    level: 'SHOULD',
    requirement: 'When standard INQUIRY reports NORMACA 0, a CDB with the NACA bit (CONTROL bit 2) set ends with CHECK CONDITION, ILLEGAL REQUEST, INVALID FIELD IN CDB.',
    ref: 'sam5 (CONTROL byte); spc4 INQUIRY (NORMACA)',
    tags: ['scsi', 'tur', 'control'],
    async run(t) {
      const c = await t.login();
      const inq = await standardInquiry(t, c);
      if (inq[3]! & 0x20) t.skip('NORMACA 1: the device server supports ACA');
      const cdb = TestUnitReady.encode({}); cdb[5] = 0x04;
      const [asc, ascq] = Asc.INVALID_FIELD_IN_CDB;
      await t.expect(scsi(t, c, cdb), pass(sense(SenseKey.ILLEGAL_REQUEST, asc, ascq)));
    },
  },
  {
    n: 4,
    title: 'TEST UNIT READY moves no data',
    level: 'MUST',
    requirement: 'TEST UNIT READY has no Data-In or Data-Out phase; with an Expected Data Transfer Length of 0 the status arrives with no data.',
    ref: 'spc4 TEST UNIT READY',
    tags: ['scsi', 'tur'],
    async run(t) {
      const c = await t.login();
      await t.expect(scsi(t, c, TestUnitReady.encode({})), pass(scsiStatus(0, x => x.data.length === 0 && !x.overflow, ' with no data')));
    },
  },
]);
