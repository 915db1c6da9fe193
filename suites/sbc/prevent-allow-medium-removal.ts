// SBC-3 PREVENT ALLOW MEDIUM REMOVAL: prevent then allow, allow alone, prevent dropped at logout, reserved bits.
import { defineSection, type CaseDef } from '../../harness/runner/case.js';
import { nonStrict, pass } from '../../harness/runner/outcomes.js';
import { PreventAllowMediumRemoval, StartStopUnit } from '../../harness/scsi/commands/sbc-other.js';
import { Inquiry } from '../../harness/scsi/commands/spc.js';
import { scsi } from '../support.js';
import { good, invalidField, mustBeGood, withBits } from '../support-sbc.js';

const pamr = (prevent: number) => PreventAllowMediumRemoval.encode({ prevent });
const ref = (libiscsi: string) => `sbc3 PREVENT ALLOW MEDIUM REMOVAL; libiscsi test_preventallow_${libiscsi}`;

const cases: CaseDef[] = [
  {
    n: 1, title: 'PREVENT=1 and then PREVENT=0 both complete with GOOD', level: 'MUST', ref: ref('simple'), tags: ['scsi', 'prevent-allow'],
    requirement: 'PREVENT ALLOW MEDIUM REMOVAL with PREVENT=1 prevents removal and with PREVENT=0 allows it again; both complete with GOOD.',
    async run(t) {
      const c = await t.login();
      await t.expect(scsi(t, c, pamr(1)), pass(good()));
      await t.expect(scsi(t, c, pamr(0)), pass(good()));
    },
  },
  {
    n: 2, title: 'PREVENT=0 without an earlier prevent completes with GOOD', level: 'MUST', ref: ref('simple'), tags: ['scsi', 'prevent-allow'],
    requirement: 'Allowing removal when it is not prevented is not an error.',
    async run(t) {
      const c = await t.login();
      await t.expect(scsi(t, c, pamr(0)), pass(good()));
    },
  },
  {
    n: 3, title: 'a prevent is dropped when its session logs out', level: 'MUST', ref: ref('logout'), tags: ['scsi', 'prevent-allow', 'removable'], requires: ['dataloss'],
    requirement: 'The prevent state belongs to the I_T nexus: after the session that set PREVENT=1 logs out, another session can eject the medium (START STOP UNIT LOEJ=1 START=0 gives GOOD).',
    async run(t) {
      const c = await t.login();
      const inq = mustBeGood(t, await scsi(t, c, Inquiry.encode({ allocationLength: 36 }), { read: 36 }), 'INQUIRY').data;
      if (!(inq.length > 1 && (inq[1]! & 0x80) !== 0)) t.skip('the LU is not removable (RMB=0)');
      mustBeGood(t, await scsi(t, c, pamr(1)), 'PREVENT ALLOW MEDIUM REMOVAL with PREVENT=1');
      await c.logout();
      const d = await t.login();
      try {
        await t.expect(scsi(t, d, StartStopUnit.encode({ loej: true, start: false })), pass(good()));
      } finally {
        await scsi(t, d, StartStopUnit.encode({ loej: true, start: true })); // load the medium again
      }
    },
  },
  {
    n: 4, title: 'PREVENT ALLOW MEDIUM REMOVAL with a reserved bit set is rejected with INVALID FIELD IN CDB', level: 'SHOULD', ref: 'sbc3 PREVENT ALLOW MEDIUM REMOVAL; spc4 reserved fields',
    tags: ['scsi', 'prevent-allow', 'reserved'],
    requirement: 'A reserved CDB bit set to one may be reported as ILLEGAL REQUEST, INVALID FIELD IN CDB; completing the command anyway is tolerated (fails under --strict).',
    async run(t) {
      const c = await t.login();
      await t.expect(scsi(t, c, withBits(pamr(0), 4, 0x04)), pass(invalidField()), nonStrict(good()));
    },
  },
];

export default defineSection('sbc/prevent-allow-medium-removal', 'PREVENT ALLOW MEDIUM REMOVAL', cases);
