// SAM-5 / SPC-4: a command (other than INQUIRY, REPORT LUNS, REQUEST SENSE) addressed to a LUN with
// no logical unit ends with ILLEGAL REQUEST, LOGICAL UNIT NOT SUPPORTED.
import { defineSection, type CaseDef } from '../../harness/runner/case.js';
import { pass, sense } from '../../harness/runner/outcomes.js';
import { PersistentReserveIn } from '../../harness/scsi/commands/spc-reservation.js';
import { ModeSense10, ModeSense6 } from '../../harness/scsi/commands/spc-mode.js';
import { ReportSupportedOperationCodes } from '../../harness/scsi/commands/spc.js';
import { ReadCapacity10 } from '../../harness/scsi/commands/sbc-other.js';
import { Read10 } from '../../harness/scsi/commands/sbc-rw.js';
import { Asc, SenseKey } from '../support.js';
import { absentLun } from '../support-spc.js';

const [asc, ascq] = Asc.LOGICAL_UNIT_NOT_SUPPORTED;

const row = (n: number, name: string, cdb: Buffer, read: number): CaseDef => ({
  n, title: `${name} to a LUN with no LU gets LOGICAL UNIT NOT SUPPORTED`, level: 'MUST', ref: 'sam5 (incorrect logical unit selection)', tags: ['scsi', 'lun'],
  requirement: `${name} addressed to a LUN that has no logical unit ends with CHECK CONDITION, ILLEGAL REQUEST, LOGICAL UNIT NOT SUPPORTED.`,
  async run(t) {
    const c = await t.login();
    const lun = await absentLun(t, c);
    await t.expect(c.scsi(cdb, { read, lun }), pass(sense(SenseKey.ILLEGAL_REQUEST, asc, ascq)));
  },
});

const cases: CaseDef[] = [
  row(1, 'MODE SENSE(6)', ModeSense6.encode({ pageCode: 0x3f, allocationLength: 255 }), 255),
  row(2, 'MODE SENSE(10)', ModeSense10.encode({ pageCode: 0x3f, allocationLength: 1024 }), 1024),
  row(3, 'READ CAPACITY(10)', ReadCapacity10.encode({}), 8),
  row(4, 'READ(10)', Read10.encode({ lba: 0, transferLength: 1 }), 512),
  row(5, 'PERSISTENT RESERVE IN', PersistentReserveIn.encode({ serviceAction: 0, allocationLength: 1024 }), 1024),
  row(6, 'REPORT SUPPORTED OPERATION CODES', ReportSupportedOperationCodes.encode({ reportingOptions: 0, allocationLength: 1024 }), 1024),
];

export default defineSection('spc/lun-not-supported', 'Commands to a LUN with no logical unit', cases);
