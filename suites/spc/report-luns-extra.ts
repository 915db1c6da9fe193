// SPC-4 REPORT LUNS: SELECT REPORT values, allocation length rules, list consistency, addressing an absent LUN.
import type { CaseDef } from '../../harness/runner/case.js';
import { nonStrict, pass, scsiStatus, sense } from '../../harness/runner/outcomes.js';
import { ReportLuns } from '../../harness/scsi/commands/spc.js';
import { ReportLunsData } from '../../harness/scsi/data/report-luns.js';
import { Asc, SenseKey } from '../support.js';
import { absentLun, cmd } from '../support-spc.js';

const ref = 'spc4 REPORT LUNS';
const tags = ['scsi', 'report-luns'];
const [ifcAsc, ifcAscq] = Asc.INVALID_FIELD_IN_CDB;

/** LUN entries of REPORT LUNS data as 8-byte values. */
const entries = (d: Buffer): bigint[] => Array.from({ length: Math.max(0, (d.length - 8) >> 3) }, (_, i) => d.readBigUInt64BE(8 + 8 * i));
/** Well-known LUs use address method 11b with extended address 0xC1 (SAM-5 well-known logical unit addressing). */
const wellKnown = (l: bigint): boolean => l >> 56n === 0xc1n;

const select = (n: number, sr: number, what: string, ok: (luns: bigint[]) => boolean): CaseDef => ({
  n, title: `SELECT REPORT ${sr} (${what}) is served with a consistent list`, level: 'MUST', ref, tags,
  requirement: `REPORT LUNS with SELECT REPORT ${sr} returns GOOD with LUN LIST LENGTH = 8 x entries and ${what}.`,
  async run(t) {
    const c = await t.login();
    await t.expect(cmd(t, c, ReportLuns.encode({ selectReport: sr, allocationLength: 4096 }), { read: 4096 }),
      pass(scsiStatus(0, x => x.data.length >= 8 && x.data.readUInt32BE(0) === x.data.length - 8 && ok(entries(x.data)), ` with a whole list of ${what}`)));
  },
});

export const reportLunsExtraCases: CaseDef[] = [
  select(2, 0, 'no well-known LUs', l => l.length > 0 && !l.some(wellKnown)),
  select(3, 1, 'well-known LUs only', l => l.every(wellKnown)),
  select(4, 2, 'every LU', l => l.length > 0),
  {
    n: 5, title: 'SELECT REPORT 2 lists every LU SELECT REPORT 0 lists', level: 'MUST', ref, tags,
    requirement: 'SELECT REPORT 2 (all LUs) is a superset of SELECT REPORT 0 (all but well-known LUs).',
    async run(t) {
      const c = await t.login();
      const a = await cmd(t, c, ReportLuns.encode({ selectReport: 0, allocationLength: 4096 }), { read: 4096 });
      const all = await cmd(t, c, ReportLuns.encode({ selectReport: 2, allocationLength: 4096 }), { read: 4096 });
      const l0 = a.kind === 'scsi' ? entries(a.data) : [];
      await t.expect(all, pass(scsiStatus(0, x => l0.every(l => entries(x.data).includes(l)), ` listing ${l0.length} LU(s) of SELECT REPORT 0`)));
    },
  },
  {
    n: 6, title: 'ALLOCATION LENGTH below 16 is refused or the data truncated', level: 'MUST', ref, tags: [...tags, 'boundary'],
    requirement: 'SPC-3 rejects an allocation length below 16 with INVALID FIELD IN CDB; later revisions allow a truncated answer. Either is accepted, never more bytes than asked.',
    async run(t) {
      const c = await t.login();
      await t.expect(cmd(t, c, ReportLuns.encode({ allocationLength: 15 }), { read: 15 }),
        pass(sense(SenseKey.ILLEGAL_REQUEST, ifcAsc, ifcAscq)),
        pass(scsiStatus(0, x => x.data.length <= 15, ' with at most 15 bytes')));
    },
  },
  {
    n: 7, title: 'ALLOCATION LENGTH 16 returns the header and one LUN, LUN LIST LENGTH counting every LUN', level: 'MUST', ref, tags: [...tags, 'boundary'],
    requirement: 'The LUN LIST LENGTH describes the whole list, not the part the allocation length lets through.',
    async run(t) {
      const c = await t.login();
      const full = await cmd(t, c, ReportLuns.encode({ allocationLength: 4096 }), { read: 4096 });
      const len = full.kind === 'scsi' && full.data.length >= 4 ? full.data.readUInt32BE(0) : -1;
      await t.expect(cmd(t, c, ReportLuns.encode({ allocationLength: 16 }), { read: 16 }),
        pass(scsiStatus(0, x => x.data.length === 16 && x.data.readUInt32BE(0) === len, ` with 16 bytes and LUN LIST LENGTH ${len}`)));
    },
  },
  {
    n: 8, title: 'the LUN list holds no duplicate and decodes cleanly', level: 'MUST', ref, tags,
    requirement: 'Each LU appears once, the reserved header bytes are zero (libiscsi test_report_luns_simple).',
    async run(t) {
      const c = await t.login();
      const e = await cmd(t, c, ReportLuns.encode({ selectReport: 2, allocationLength: 4096 }), { read: 4096 });
      await t.expect(e, pass(scsiStatus(0, x => {
        const l = entries(x.data);
        return new Set(l).size === l.length && ReportLunsData.decode(x.data).violations.length === 0;
      }, ' with distinct LUNs and zero reserved bytes')));
    },
  },
  {
    n: 9, title: 'REPORT LUNS addressed to a LUN with no LU is still served', level: 'SHOULD', ref: 'spc4 REPORT LUNS; sam5 (incorrect logical unit selection)', tags: [...tags, 'lun'],
    requirement: 'REPORT LUNS is answered whatever LUN it is addressed to, with the same inventory.',
    async run(t) {
      const c = await t.login();
      const lun = await absentLun(t, c);
      const e = await c.scsi(ReportLuns.encode({ allocationLength: 4096 }), { read: 4096, lun });
      const [asc, ascq] = Asc.LOGICAL_UNIT_NOT_SUPPORTED;
      await t.expect(e, pass(scsiStatus(0, x => x.data.length >= 16 && x.data.readUInt32BE(0) >= 8, ' with a non-empty LUN list')),
        nonStrict(sense(SenseKey.ILLEGAL_REQUEST, asc, ascq)));
    },
  },
  {
    n: 10, title: 'REPORT LUNS addressed to LUN 0 is served', level: 'SHOULD', ref: 'sam5 (LUN 0 or the REPORT LUNS well-known LU)', tags: [...tags, 'lun'],
    requirement: 'An initiator discovers LUs by sending REPORT LUNS to LUN 0; a target with no LU 0 answers there as the REPORT LUNS well-known LU would.',
    async run(t) {
      const c = await t.login();
      await t.expect(cmd(t, c, ReportLuns.encode({ allocationLength: 4096 }), { read: 4096, lun: 0 }),
        pass(scsiStatus(0, x => x.data.length >= 8)));
    },
  },
  {
    n: 11, title: 'an undefined SELECT REPORT value is rejected with INVALID FIELD IN CDB', level: 'SHOULD', ref, tags,
    requirement: 'SELECT REPORT values the standard does not define (0x80 here) end with CHECK CONDITION, ILLEGAL REQUEST, INVALID FIELD IN CDB.',
    async run(t) {
      const c = await t.login();
      await t.expect(cmd(t, c, ReportLuns.encode({ selectReport: 0x80, allocationLength: 4096 }), { read: 4096 }),
        pass(sense(SenseKey.ILLEGAL_REQUEST, ifcAsc, ifcAscq)),
        nonStrict(scsiStatus(0)));
    },
  },
];
