// RFC 7143 §4.2.2.2 Response/status numbering: StatSN goes up by one per status on a connection.
import { defineSection } from '../../../harness/runner/case.js';
import { pass, scsiStatus } from '../../../harness/runner/outcomes.js';
import { TestUnitReady } from '../../../harness/scsi/commands/spc.js';
import { scsi } from '../../support.js';

export default defineSection('rfc7143/4.2.2.2', 'Response/Status Numbering and Acknowledging', [
  {
    n: 1,
    title: 'StatSN increments by one between two SCSI Responses',
    level: 'MUST',
    requirement: 'StatSN is a per-connection counter the target increments by one for every response carrying status.',
    tags: ['ffp', 'statsn'],
    async run(t) {
      const c = await t.login();
      const a = await t.expect(scsi(t, c, TestUnitReady.encode({})), pass(scsiStatus(0)));
      const b = await t.expect(c.scsi(TestUnitReady.encode({})), pass(scsiStatus(0)));
      const sa = a.kind === 'scsi' ? (a.pdu as { statSN: number }).statSN : -1;
      const sb = b.kind === 'scsi' ? (b.pdu as { statSN: number }).statSN : -1;
      t.check(sb === ((sa + 1) >>> 0), `second StatSN ${(sa + 1) >>> 0}`, `StatSN ${sa} then ${sb}`);
    },
  },
]);
