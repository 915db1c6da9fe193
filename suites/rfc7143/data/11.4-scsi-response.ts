// RFC 7143 §11.4 SCSI Response: residuals when the expected transfer length exceeds what the command moves.
import { defineSection } from '../../../harness/runner/case.js';
import { pass, scsiStatus } from '../../../harness/runner/outcomes.js';
import { Read10 } from '../../../harness/scsi/commands/sbc-rw.js';
import { capacity, scsi } from '../../support.js';

export default defineSection('rfc7143/11.4', 'SCSI Response', [
  {
    n: 1,
    title: 'a READ moving less than the Expected Data Transfer Length reports underflow with the residual',
    level: 'MUST',
    requirement: 'When fewer bytes are transferred than the Expected Data Transfer Length, the U bit is set and the Residual Count is the number of bytes not transferred.',
    ref: 'rfc7143/11.4.5.1',
    tags: ['data', 'residual'],
    async run(t) {
      const c = await t.login();
      const { blockSize } = await capacity(t, c);
      const e = await scsi(t, c, Read10.encode({ lba: 0, transferLength: 1 }), { read: 2 * blockSize });
      await t.expect(e, pass(scsiStatus(0, x => x.underflow && x.residualCount === blockSize && x.data.length === blockSize,
        ` with U set, Residual Count ${blockSize} and ${blockSize} data bytes`)));
    },
  },
]);
