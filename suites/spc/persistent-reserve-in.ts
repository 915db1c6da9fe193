// SPC-4 PERSISTENT RESERVE IN: READ KEYS, READ RESERVATION, REPORT CAPABILITIES, READ FULL STATUS, service
// action range. Skipped when the target refuses the opcode; cases that register a key are destructive.
import { defineSection, type CaseDef } from '../../harness/runner/case.js';
import { pass, scsiStatus, sense } from '../../harness/runner/outcomes.js';
import { ReportCapabilitiesData } from '../../harness/scsi/data/pr.js';
import { hex } from '../support-spc.js';
import { KEY, prCaps, prIn, prOut, SA, withCleanPr } from './pr-common.js';

const ref = 'spc4 PERSISTENT RESERVE IN';
const tags = ['scsi', 'pr'];

const cases: CaseDef[] = [
  {
    n: 1, title: 'READ KEYS: ADDITIONAL LENGTH matches the key list returned', level: 'MUST', ref, tags,
    requirement: 'READ KEYS returns PRGENERATION, ADDITIONAL LENGTH and one 8-byte key per registration; with an ample allocation length ADDITIONAL LENGTH = bytes after byte 7 (libiscsi test_prin_read_keys_simple).',
    async run(t) {
      const c = await t.login();
      await prCaps(t, c);
      await t.expect(prIn(t, c, 0, 16384), pass(scsiStatus(0, x => x.data.length >= 8 && x.data.readUInt32BE(4) === x.data.length - 8 && (x.data.length - 8) % 8 === 0, ' with ADDITIONAL LENGTH = key bytes returned')));
    },
  },
  {
    n: 2, title: 'READ KEYS truncated to 8 bytes still reports the full ADDITIONAL LENGTH', level: 'MUST', ref, tags, requires: ['dataloss'], exclusive: true,
    requirement: 'ADDITIONAL LENGTH is not altered by the allocation length: with a key registered and 8 bytes allowed, it still counts that key (libiscsi test_prin_read_keys_truncate).',
    async run(t) {
      const c = await t.login();
      await withCleanPr(t, c, async () => {
        await t.expect(prOut(t, c, SA.REGISTER_IGNORE, { sark: KEY.a }), pass(scsiStatus(0)));
        await t.expect(prIn(t, c, 0, 8), pass(scsiStatus(0, x => x.data.length === 8 && x.data.readUInt32BE(4) >= 8, ' with 8 bytes and ADDITIONAL LENGTH >= 8')));
      });
    },
  },
  {
    n: 3, title: 'READ RESERVATION has ADDITIONAL LENGTH 0 or 0x10', level: 'MUST', ref, tags,
    requirement: 'READ RESERVATION returns ADDITIONAL LENGTH 0 when no reservation is held and 0x10 (one reservation descriptor) when one is.',
    async run(t) {
      const c = await t.login();
      await prCaps(t, c);
      await t.expect(prIn(t, c, 1), pass(scsiStatus(0, x => x.data.length >= 8 && [0, 0x10].includes(x.data.readUInt32BE(4)) && x.data.length === 8 + x.data.readUInt32BE(4), ' with ADDITIONAL LENGTH 0 or 0x10 and that many bytes')));
    },
  },
  {
    n: 4, title: 'REPORT CAPABILITIES: LENGTH 8, ALLOW COMMANDS at most 5, only defined types in the mask', level: 'MUST', ref, tags,
    requirement: 'REPORT CAPABILITIES returns LENGTH 8, an ALLOW COMMANDS value SPC-4 defines (0..5) and a PERSISTENT RESERVATION TYPE MASK with no reserved bit set (libiscsi test_prin_report_caps).',
    async run(t) {
      const c = await t.login();
      await prCaps(t, c);
      await t.expect(prIn(t, c, 2, 8), pass(scsiStatus(0, x => {
        const v = ReportCapabilitiesData.decode(x.data).value;
        return x.data.length === 8 && v.length === 8 && v.allowCommands <= 5 && (v.typeMask & ~0xea01 & 0xffff) === 0;
      }, ' with LENGTH 8, ALLOW COMMANDS <= 5, mask within 0xEA01')));
    },
  },
  {
    n: 5, title: 'READ FULL STATUS is served', level: 'MUST', ref, tags,
    requirement: 'Service actions 0..3 (READ KEYS, READ RESERVATION, REPORT CAPABILITIES, READ FULL STATUS) all end GOOD (libiscsi test_prin_serviceaction_range).',
    async run(t) {
      const c = await t.login();
      await prCaps(t, c);
      await t.expect(prIn(t, c, 3, 4096), pass(scsiStatus(0, x => x.data.length >= 8 && x.data.readUInt32BE(4) === x.data.length - 8, ' with ADDITIONAL LENGTH = bytes after the header')));
    },
  },
  {
    n: 6, title: 'undefined service actions 0x04..0x1F get INVALID FIELD IN CDB', level: 'MUST', ref, tags,
    requirement: 'PERSISTENT RESERVE IN with a service action SPC-4 does not define ends with ILLEGAL REQUEST, INVALID FIELD IN CDB (libiscsi test_prin_serviceaction_range).',
    async run(t) {
      const c = await t.login();
      await prCaps(t, c);
      for (let sa = 4; sa < 0x20; sa++) await t.expect(prIn(t, c, sa), pass(sense(0x5, 0x24, 0x00)));
    },
  },
  {
    n: 7, title: 'READ KEYS and READ RESERVATION report the same PRGENERATION', level: 'MUST', ref, tags,
    requirement: 'PRGENERATION is one counter of the LU: two reads with no PERSISTENT RESERVE OUT between them give the same value.',
    async run(t) {
      const c = await t.login();
      await prCaps(t, c);
      const k = await prIn(t, c, 0);
      const gen = k.kind === 'scsi' && k.data.length >= 4 ? k.data.readUInt32BE(0) : -1;
      await t.expect(prIn(t, c, 1), pass(scsiStatus(0, x => x.data.length >= 4 && x.data.readUInt32BE(0) === gen, ` with PRGENERATION ${hex(gen, 8)}`)));
    },
  },
  {
    n: 8, title: 'ALLOCATION LENGTH 0 returns GOOD and no data', level: 'MUST', ref, tags: [...tags, 'boundary'],
    requirement: 'An allocation length of zero transfers nothing and is not an error.',
    async run(t) {
      const c = await t.login();
      await prCaps(t, c);
      await t.expect(prIn(t, c, 0, 0), pass(scsiStatus(0, x => x.data.length === 0, ' with no data')));
    },
  },
];

export default defineSection('spc/persistent-reserve-in', 'PERSISTENT RESERVE IN', cases);
