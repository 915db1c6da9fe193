// RFC 7143 §11.16 SNACK Request at ErrorRecoveryLevel 0: a SNACK for something never sent or already acknowledged is rejected.
import { defineSection } from '../../../harness/runner/case.js';
import { closed, nonStrict, pass, reject } from '../../../harness/runner/outcomes.js';
import { NO_TAG } from '../../../harness/pdu/types/codes.js';
import { Read10 } from '../../../harness/scsi/commands/sbc-rw.js';
import { aliveUnlessClosed, blockSize, readTask } from '../../support-ffp.js';

const outcomes = [pass(reject(4)), nonStrict(reject()), nonStrict(closed())];

export default defineSection('rfc7143/11.16', 'SNACK Request', [
  {
    n: 1,
    title: 'a Status SNACK for a StatSN never sent is rejected with reason 0x04',
    level: 'MUST',
    requirement: 'Any SNACK that requests a numbered response that was not sent by the target must be rejected with reason "Protocol Error"; at ERL 0 (no SNACK support) a Reject is also what the initiator gets.',
    tags: ['reject', 'ffp', 'snack'],
    async run(t) {
      const c = await t.login({ keys: { ErrorRecoveryLevel: '0' } });
      c.send('SnackRequest', { final: true, snackType: 1, itt: NO_TAG, tttOrSnackTag: NO_TAG, begRun: (c.expStatSN + 100) >>> 0, runLength: 1 });
      const e = await t.expect(c, ...outcomes);
      await aliveUnlessClosed(t, c, e);
    },
  },
  {
    n: 2,
    title: 'a Data SNACK for a read already acknowledged is rejected with reason 0x04',
    level: 'MUST',
    requirement: 'A SNACK for data already acknowledged (the status of the read was acknowledged through ExpStatSN) must be rejected with "Protocol Error".',
    tags: ['reject', 'ffp', 'snack'],
    async run(t) {
      const c = await t.login({ keys: { ErrorRecoveryLevel: '0' } });
      const bs = await blockSize(t, c);
      const tr = await readTask(t, c, Read10.encode({ lba: 0, transferLength: 1 }), bs);
      c.send('SnackRequest', { final: true, snackType: 0, itt: tr.cmd.itt, tttOrSnackTag: NO_TAG, begRun: 0, runLength: 0 });
      const e = await t.expect(c, ...outcomes);
      await aliveUnlessClosed(t, c, e);
    },
  },
]);
