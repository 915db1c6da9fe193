// SPC-4 REQUEST SENSE: NO SENSE when nothing is pending, fixed and descriptor formats, allocation length, absent LUN.
import { defineSection, type CaseDef } from '../../harness/runner/case.js';
import { parseSense, pass, scsiStatus, sense, type ScsiEvent } from '../../harness/runner/outcomes.js';
import { RequestSense, TestUnitReady } from '../../harness/scsi/commands/spc.js';
import { Asc, SenseKey } from '../support.js';
import { absentLun, cmd } from '../support-spc.js';

const ref = 'spc4 REQUEST SENSE';
const tags = ['scsi', 'request-sense'];
const [ifcAsc, ifcAscq] = Asc.INVALID_FIELD_IN_CDB;

/** Answers any pending unit attention with TEST UNIT READY so REQUEST SENSE starts from a quiet nexus. */
async function quiet(t: Parameters<CaseDef['run']>[0]) {
  const c = await t.login();
  await cmd(t, c, TestUnitReady.encode({}));
  return c;
}

const noSense = (x: ScsiEvent): boolean => { const s = parseSense(x.data); return s !== undefined && s.key === 0 && s.asc === 0 && s.ascq === 0; };

const cases: CaseDef[] = [
  {
    n: 1, title: 'with nothing pending REQUEST SENSE returns GOOD and NO SENSE', level: 'MUST', ref, tags,
    requirement: 'When no sense data is pending, REQUEST SENSE ends GOOD and returns sense key NO SENSE with ASC/ASCQ 00/00.',
    async run(t) {
      const c = await quiet(t);
      await t.expect(c.scsi(RequestSense.encode({ allocationLength: 252 }), { read: 252 }), pass(scsiStatus(0, noSense, ' with NO SENSE 00/00')));
    },
  },
  {
    n: 2, title: 'DESC 0 returns fixed format sense (0x70) of at least 18 bytes', level: 'MUST', ref, tags,
    requirement: 'With DESC 0 the sense data is in fixed format: RESPONSE CODE 0x70, ADDITIONAL SENSE LENGTH >= 10.',
    async run(t) {
      const c = await quiet(t);
      await t.expect(c.scsi(RequestSense.encode({ desc: false, allocationLength: 252 }), { read: 252 }),
        pass(scsiStatus(0, x => x.data.length >= 18 && (x.data[0]! & 0x7f) === 0x70 && x.data[7]! >= 10, ' with 0x70 sense of 18+ bytes')));
    },
  },
  {
    n: 3, title: 'DESC 1 returns descriptor format sense (0x72) or is refused', level: 'MUST', ref, tags,
    requirement: 'With DESC 1 a device server that supports descriptor format returns RESPONSE CODE 0x72; one that does not ends with INVALID FIELD IN CDB.',
    async run(t) {
      const c = await quiet(t);
      await t.expect(c.scsi(RequestSense.encode({ desc: true, allocationLength: 252 }), { read: 252 }),
        pass(scsiStatus(0, x => x.data.length >= 8 && (x.data[0]! & 0x7f) === 0x72 && x.data[7]! + 8 === x.data.length && noSense(x), ' with 0x72 NO SENSE, length consistent')),
        pass(sense(SenseKey.ILLEGAL_REQUEST, ifcAsc, ifcAscq)));
    },
  },
  {
    n: 4, title: 'ALLOCATION LENGTH 0 returns GOOD and no data', level: 'MUST', ref, tags: [...tags, 'boundary'],
    requirement: 'An allocation length of zero transfers nothing and is not an error.',
    async run(t) {
      const c = await quiet(t);
      await t.expect(c.scsi(RequestSense.encode({ allocationLength: 0 })), pass(scsiStatus(0, x => x.data.length === 0, ' with no data')));
    },
  },
  {
    n: 5, title: 'a short ALLOCATION LENGTH truncates the sense data', level: 'MUST', ref, tags: [...tags, 'boundary'],
    requirement: 'With ALLOCATION LENGTH 8 the device server returns at most the first 8 bytes of the sense data.',
    async run(t) {
      const c = await quiet(t);
      await t.expect(c.scsi(RequestSense.encode({ allocationLength: 8 }), { read: 8 }),
        pass(scsiStatus(0, x => x.data.length <= 8 && x.data.length >= 1 && (x.data[0]! & 0x7f) === 0x70, ' with at most 8 bytes, fixed format')));
    },
  },
  {
    n: 6, title: 'REQUEST SENSE to a LUN with no LU returns GOOD with LOGICAL UNIT NOT SUPPORTED', level: 'MUST', ref: 'spc4 REQUEST SENSE; sam5 (incorrect logical unit selection)', tags: [...tags, 'lun'],
    requirement: 'REQUEST SENSE addressed to a LUN with no logical unit ends GOOD and its sense data reports ILLEGAL REQUEST, LOGICAL UNIT NOT SUPPORTED.',
    async run(t) {
      const c = await t.login();
      const lun = await absentLun(t, c);
      await t.expect(c.scsi(RequestSense.encode({ allocationLength: 252 }), { read: 252, lun }),
        pass(scsiStatus(0, x => { const s = parseSense(x.data); return s?.key === 5 && s.asc === 0x25 && s.ascq === 0; }, ' with sense 05/25/00')));
    },
  },
  {
    n: 7, title: 'REQUEST SENSE does not itself leave sense pending', level: 'MUST', ref, tags,
    requirement: 'A REQUEST SENSE that returned NO SENSE leaves nothing behind: the next TEST UNIT READY ends GOOD.',
    async run(t) {
      const c = await quiet(t);
      await c.scsi(RequestSense.encode({ allocationLength: 252 }), { read: 252 });
      await t.expect(c.scsi(TestUnitReady.encode({})), pass(scsiStatus(0)));
    },
  },
];

export default defineSection('spc/request-sense', 'REQUEST SENSE', cases);
