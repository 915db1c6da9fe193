// SPC-4 REPORT LUNS: the LUN inventory the initiator addresses.
import { defineSection } from '../../harness/runner/case.js';
import { samLun } from '../../harness/runner/conn.js';
import { pass, scsiStatus } from '../../harness/runner/outcomes.js';
import { ReportLuns } from '../../harness/scsi/commands/spc.js';
import { scsi } from '../support.js';
import { reportLunsExtraCases } from './report-luns-extra.js';

export default defineSection('spc/report-luns', 'REPORT LUNS', [
  {
    n: 1,
    title: 'REPORT LUNS lists the addressed LUN in a list whose length is a multiple of 8',
    level: 'MUST',
    requirement: 'REPORT LUNS returns a LUN LIST LENGTH of 8 bytes per LUN followed by the 8-byte LUNs; the LUN the initiator uses is among them.',
    ref: 'spc4 REPORT LUNS',
    tags: ['scsi', 'report-luns'],
    async run(t) {
      const c = await t.login();
      const e = await scsi(t, c, ReportLuns.encode({ selectReport: 0, allocationLength: 4096 }), { read: 4096 });
      const want = samLun(t.target.lun);
      await t.expect(e, pass(scsiStatus(0, x => {
        if (x.data.length < 8) return false;
        const len = x.data.readUInt32BE(0);
        const luns = Array.from({ length: Math.min(len, x.data.length - 8) / 8 | 0 }, (_, i) => x.data.readBigUInt64BE(8 + 8 * i));
        return len % 8 === 0 && luns.includes(want);
      }, ` with LUN LIST LENGTH a multiple of 8 and LUN ${t.target.lun} listed`)));
    },
  },
  ...reportLunsExtraCases,
]);
