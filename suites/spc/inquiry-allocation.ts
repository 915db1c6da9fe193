// SPC-4 §6.6 INQUIRY allocation length (numbers from 100: inquiry.ts holds 1-99): a short allocation length caps the data.
import { defineSection } from '../../harness/runner/case.js';
import { pass, scsiStatus } from '../../harness/runner/outcomes.js';
import { scsi } from '../support.js';

export default defineSection('spc/inquiry', 'INQUIRY', [
  {
    n: 100,
    title: 'INQUIRY with ALLOCATION LENGTH 8 and a larger transfer length returns at most 8 bytes',
    level: 'MUST',
    requirement: 'The device server returns no more than ALLOCATION LENGTH bytes (SPC-4 §4.2.5.6, §6.6); with an Expected Data Transfer Length of 255 the iSCSI layer does not hide a longer answer, so at most 8 bytes arrive.',
    ref: 'spc4/6.6 INQUIRY',
    tags: ['spc'],
    async run(t) {
      const c = await t.login();
      const cdb = Buffer.from([0x12, 0, 0, 0, 8, 0]);
      await t.expect(await scsi(t, c, cdb, { read: 255 }), pass(scsiStatus(0, e => e.data.length <= 8, ' with at most 8 data bytes')));
    },
  },
]);
