// SAM-5 / SPC-4 unit attention: a power-on/reset condition is reported once per I_T nexus, and
// INQUIRY, REPORT LUNS and REQUEST SENSE are served despite it (REQUEST SENSE returns and clears it).
import { defineSection, type CaseDef } from '../../harness/runner/case.js';
import type { CaseApi } from '../../harness/runner/case-api.js';
import { informational, parseSense, pass, scsiStatus, type CaseEvent } from '../../harness/runner/outcomes.js';
import { Inquiry, ReportLuns, RequestSense, TestUnitReady } from '../../harness/scsi/commands/spc.js';
import { SenseKey } from '../support.js';

const ref = 'sam5 (unit attention condition); spc4 (unit attention handling)';
const tags = ['scsi', 'unit-attention'];
const isUa = (e: CaseEvent): boolean => e.kind === 'scsi' && e.status === 0x02 && e.sense?.key === SenseKey.UNIT_ATTENTION;
const ua29 = (e: CaseEvent): boolean => isUa(e) && e.kind === 'scsi' && e.sense!.asc === 0x29;

/** After a first exempt command on a fresh nexus, TEST UNIT READY shows whether a UA was still pending. */
async function exempt(t: CaseApi, cdb: Buffer, read: number, name: string): Promise<void> {
  const c = await t.login();
  await t.expect(c.scsi(cdb, { read }), pass(scsiStatus(0, () => true, ` (${name} is served despite a pending UNIT ATTENTION)`)));
  const after = await c.scsi(TestUnitReady.encode({}));
  await t.expect(after, pass(scsiStatus(0x02, e => ua29(e), ' with the UNIT ATTENTION still pending after it')),
    informational(scsiStatus(0, () => true, ' (no unit attention was pending on this nexus)')));
}

const cases: CaseDef[] = [
  {
    n: 1, title: 'a power-on/reset unit attention is reported at most once per nexus', level: 'MUST', ref, tags,
    requirement: 'A UNIT ATTENTION is reported to an I_T nexus once and then cleared: the next TEST UNIT READY on a ready LU ends GOOD.',
    async run(t) {
      const c = await t.login();
      const first = await c.scsi(TestUnitReady.encode({}));
      await t.expect(first, pass(scsiStatus(0x02, ua29, ' with UNIT ATTENTION 29/xx (power on, reset)')), informational(scsiStatus(0, () => true, ' (no unit attention for a new nexus)')));
      await t.expect(c.scsi(TestUnitReady.encode({})), pass(scsiStatus(0)));
    },
  },
  {
    n: 2, title: 'INQUIRY is served despite a pending unit attention and leaves it pending', level: 'MUST', ref, tags,
    requirement: 'INQUIRY ends GOOD whatever unit attention is pending and does not clear it.',
    run: t => exempt(t, Inquiry.encode({ allocationLength: 96 }), 96, 'INQUIRY'),
  },
  {
    n: 3, title: 'REPORT LUNS is served despite a pending unit attention and leaves it pending', level: 'MUST', ref, tags,
    requirement: 'REPORT LUNS ends GOOD whatever unit attention is pending and does not clear it (unless it reports a LUN inventory change).',
    run: t => exempt(t, ReportLuns.encode({ allocationLength: 256 }), 256, 'REPORT LUNS'),
  },
  {
    n: 4, title: 'REQUEST SENSE returns a pending unit attention with GOOD and clears it', level: 'MUST', ref, tags,
    requirement: 'REQUEST SENSE ends GOOD; its sense data is the pending UNIT ATTENTION, which is then cleared so the next command is not reported one.',
    async run(t) {
      const c = await t.login();
      const e = await c.scsi(RequestSense.encode({ allocationLength: 252 }), { read: 252 });
      const s = e.kind === 'scsi' ? parseSense(e.data) : undefined;
      await t.expect(e, pass(scsiStatus(0, () => s?.key === SenseKey.UNIT_ATTENTION, ' with the UNIT ATTENTION in its sense data')),
        informational(scsiStatus(0, () => s?.key === 0, ' with NO SENSE (no unit attention for a new nexus)')));
      await t.expect(c.scsi(TestUnitReady.encode({})), pass(scsiStatus(0)));
    },
  },
  {
    n: 5, title: 'each new nexus is told on its own; another session does not consume its unit attention', level: 'MUST', ref, tags,
    requirement: 'Unit attentions are kept per I_T nexus: a second session that answers its own does not clear the first session\'s.',
    async run(t) {
      const a = await t.login();
      const b = await t.login();
      const eb = await b.scsi(TestUnitReady.encode({}));
      const ea = await a.scsi(TestUnitReady.encode({}));
      if (!isUa(eb)) t.skip('the target reports no unit attention to a new nexus');
      await t.expect(ea, pass(scsiStatus(0x02, ua29, ' with the first session\'s own UNIT ATTENTION')));
    },
  },
  {
    n: 6, title: 'a unit attention answers a command with CHECK CONDITION, not a transfer', level: 'MUST', ref, tags,
    requirement: 'A command that is reported a UNIT ATTENTION is not executed: no Data-In arrives with the CHECK CONDITION.',
    async run(t) {
      const c = await t.login();
      const e = await c.scsi(Buffer.from([0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0]), { read: 8 }); // READ CAPACITY(10)
      if (!isUa(e)) t.skip('no unit attention was pending on the new nexus');
      t.check(e.kind === 'scsi' && e.data.length === 0, 'no data with the UNIT ATTENTION', `${e.kind === 'scsi' ? e.data.length : 0} data bytes`);
    },
  },
];

export default defineSection('spc/unit-attention', 'Unit attention conditions', cases);
