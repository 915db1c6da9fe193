// SBC-3 START STOP UNIT: start, stop and start again without LOEJ, IMMED, eject refused while prevented, reserved bits.
import type { CaseApi } from '../../harness/runner/case-api.js';
import { defineSection, type CaseDef } from '../../harness/runner/case.js';
import { nonStrict, pass } from '../../harness/runner/outcomes.js';
import { PreventAllowMediumRemoval, StartStopUnit } from '../../harness/scsi/commands/sbc-other.js';
import { Inquiry, TestUnitReady } from '../../harness/scsi/commands/spc.js';
import type { Conn } from '../../harness/runner/conn.js';
import { scsi } from '../support.js';
import { good, invalidField, mustBeGood, removalPrevented, withBits } from '../support-sbc.js';

/** RMB from standard INQUIRY: the LOEJ cases only apply to removable media (libiscsi skips them otherwise). */
async function removable(t: CaseApi, c: Conn): Promise<boolean> {
  const d = mustBeGood(t, await scsi(t, c, Inquiry.encode({ allocationLength: 36 }), { read: 36 }), 'INQUIRY').data;
  return d.length > 1 && (d[1]! & 0x80) !== 0;
}

const ssu = (o: { start?: boolean; loej?: boolean; immed?: boolean; noFlush?: boolean }) =>
  StartStopUnit.encode({ start: o.start ?? false, loej: o.loej ?? false, immed: o.immed ?? false, noFlush: o.noFlush ?? false });
const ref = (libiscsi: string) => `sbc3 START STOP UNIT; libiscsi test_startstopunit_${libiscsi}`;

const cases: CaseDef[] = [
  {
    n: 1, title: 'START STOP UNIT with START=1 and LOEJ=0 completes with GOOD', level: 'MUST', ref: ref('simple'), tags: ['scsi', 'start-stop'],
    requirement: 'START=1 makes the LU ready for media access; on a LU that is already active it completes with GOOD.',
    async run(t) {
      const c = await t.login();
      await t.expect(scsi(t, c, ssu({ start: true })), pass(good()));
    },
  },
  {
    n: 2, title: 'START STOP UNIT with IMMED=1 completes with GOOD', level: 'MUST', ref: ref('noloej'), tags: ['scsi', 'start-stop'],
    requirement: 'With IMMED=1 status may be returned as soon as the CDB is validated; the command completes with GOOD.',
    async run(t) {
      const c = await t.login();
      await t.expect(scsi(t, c, ssu({ start: true, immed: true })), pass(good()));
    },
  },
  {
    n: 3, title: 'stopping and starting again with LOEJ=0 leaves the medium in place', level: 'MUST', ref: ref('noloej'), tags: ['scsi', 'start-stop'], requires: ['dataloss'],
    requirement: 'START STOP UNIT with LOEJ=0 changes only the power state: START=0 and then START=1 both complete with GOOD, and on a removable LU the medium is still present (TEST UNIT READY gives GOOD).',
    async run(t) {
      const c = await t.login();
      const rmb = await removable(t, c);
      for (const noFlush of [false, true]) {
        await t.expect(scsi(t, c, ssu({ start: false, noFlush })), pass(good()));
        if (rmb) await t.expect(scsi(t, c, TestUnitReady.encode({})), pass(good()));
        await t.expect(scsi(t, c, ssu({ start: true })), pass(good()));
      }
    },
  },
  {
    n: 4, title: 'an eject while medium removal is prevented gets MEDIUM REMOVAL PREVENTED', level: 'MUST', ref: 'sbc3 START STOP UNIT; sbc3 PREVENT ALLOW MEDIUM REMOVAL; libiscsi test_preventallow_eject',
    tags: ['scsi', 'start-stop', 'removable'], requires: ['dataloss'],
    requirement: 'While PREVENT ALLOW MEDIUM REMOVAL has prevented removal, START STOP UNIT with LOEJ=1 and START=0 ends with ILLEGAL REQUEST, MEDIUM REMOVAL PREVENTED.',
    async run(t) {
      const c = await t.login();
      if (!(await removable(t, c))) t.skip('the LU is not removable (RMB=0)');
      mustBeGood(t, await scsi(t, c, PreventAllowMediumRemoval.encode({ prevent: 1 })), 'PREVENT ALLOW MEDIUM REMOVAL with PREVENT=1');
      try {
        await t.expect(scsi(t, c, ssu({ loej: true })), pass(removalPrevented()));
      } finally {
        await scsi(t, c, PreventAllowMediumRemoval.encode({ prevent: 0 }));
        await scsi(t, c, ssu({ loej: true, start: true })); // load again whatever happened
      }
    },
  },
  {
    n: 5, title: 'START STOP UNIT with a reserved bit set is rejected with INVALID FIELD IN CDB', level: 'SHOULD', ref: 'sbc3 START STOP UNIT; spc4 reserved fields', tags: ['scsi', 'start-stop', 'reserved'],
    requirement: 'A reserved CDB bit set to one may be reported as ILLEGAL REQUEST, INVALID FIELD IN CDB; completing the command anyway is tolerated (fails under --strict).',
    async run(t) {
      const c = await t.login();
      await t.expect(scsi(t, c, withBits(ssu({ start: true }), 4, 0x08)), pass(invalidField()), nonStrict(good()));
    },
  },
];

export default defineSection('sbc/start-stop-unit', 'START STOP UNIT', cases);
