// RFC 7143 §11.4 SCSI Response ITT (numbers from 100: 11.4-scsi-response.ts holds 1-99): any tag value comes back unchanged.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { pass, pdu } from '../../../harness/runner/outcomes.js';
import { scsi } from '../../support.js';
import { TUR } from '../../support-tmf.js';

// Tags with different low bytes: a target that mangles some values (e.g. by low byte) shows it on one row.
const rows: CaseDef[] = [0x000000a5, 0x7fffff00, 0x12345678].map((itt, i) => ({
  n: 100 + i,
  title: `the SCSI Response to a command with ITT 0x${itt.toString(16).padStart(8, '0')} carries that ITT`,
  level: 'MUST',
  requirement: 'The SCSI Response carries the Initiator Task Tag of the command it ends (§11.4 layout, §11.2.1.8: the tag identifies the task), whatever value the initiator chose.',
  ref: 'rfc7143/11.4',
  tags: ['data'],
  async run(t) {
    const c = await t.login();
    await scsi(t, c, TUR); // a pending UNIT ATTENTION goes first
    c.send('ScsiCommand', { final: true, read: false, write: false, attr: 1, expectedDataTransferLength: 0, cdb: Buffer.concat([TUR, Buffer.alloc(10)]), itt });
    await t.expect(c.receive(1000), pass(pdu('ScsiResponse', p => p.itt === itt, `SCSI Response with ITT 0x${itt.toString(16)}`)));
  },
}));

export default defineSection('rfc7143/11.4', 'SCSI Response', rows);
