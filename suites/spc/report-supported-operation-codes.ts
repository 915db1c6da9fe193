// SPC-4 REPORT SUPPORTED OPERATION CODES: the all-commands list, one-command form, RCTD, and consistency
// with what the device server accepts. Skipped when the command itself is not supported.
import { defineSection, type CaseDef } from '../../harness/runner/case.js';
import type { CaseApi } from '../../harness/runner/case-api.js';
import type { Conn } from '../../harness/runner/conn.js';
import { pass, scsiStatus, sense } from '../../harness/runner/outcomes.js';
import { ReportSupportedOperationCodes as Rsoc } from '../../harness/scsi/commands/spc.js';
import { AllCommandsData, type CommandEntry } from '../../harness/scsi/data/rsoc.js';
import { cmd, hex, isSense, unsupported } from '../support-spc.js';

const ref = 'spc4 REPORT SUPPORTED OPERATION CODES';
const tags = ['scsi', 'rsoc'];
const ALLOC = 65535;

/** The all-commands list, or skip when the device server does not offer the command. */
async function all(t: CaseApi, c: Conn, rctd = false): Promise<{ raw: Buffer; commands: CommandEntry[]; violations: string[] }> {
  const e = await cmd(t, c, Rsoc.encode({ reportingOptions: 0, rctd, allocationLength: ALLOC }), { read: ALLOC });
  if (unsupported(e) || isSense(e, 0x5, 0x24)) t.skip('REPORT SUPPORTED OPERATION CODES is not supported');
  if (e.kind !== 'scsi' || e.status !== 0) t.fail('REPORT SUPPORTED OPERATION CODES returns GOOD', e.kind === 'scsi' ? `status ${hex(e.status)}` : e.kind);
  const r = AllCommandsData.decode(e.data);
  return { raw: e.data, commands: r.value.commands, violations: r.violations.map(v => v.message) };
}

const one = (c: Conn, t: CaseApi, options: number, op: number, sa: number, rctd = false) =>
  cmd(t, c, Rsoc.encode({ reportingOptions: options, requestedOperationCode: op, requestedServiceAction: sa, rctd, allocationLength: ALLOC }), { read: ALLOC });

const name = (d: CommandEntry): string => (d.servactv ? `${hex(d.operationCode)}/${hex(d.serviceAction)}` : hex(d.operationCode));

// Commands safe to send with an all-zero CDB (no medium change, no reservation, nothing transferred).
const SAFE = new Set([0x00, 0x03, 0x12, 0x1a, 0x5a, 0x25, 0x28, 0x88, 0xa8, 0x2f, 0x8f, 0xaf, 0x35, 0x91, 0xa0, 0x5e, 0xa3, 0x9e]);

const cases: CaseDef[] = [
  {
    n: 1, title: 'the all-commands list is whole descriptors filling COMMAND DATA LENGTH', level: 'MUST', ref, tags,
    requirement: 'REPORTING OPTIONS 000b returns COMMAND DATA LENGTH and one 8-byte descriptor per command (20 with a timeouts descriptor), nothing left over (libiscsi test_report_supported_opcodes_simple).',
    async run(t) {
      const a = await all(t, await t.login());
      t.check(a.violations.length === 0 && a.commands.length > 0 && a.raw.readUInt32BE(0) + 4 === a.raw.length, 'a whole list', `${a.commands.length} descriptors, ${a.raw.length} bytes; ${a.violations.join('; ') || 'no violation'}`);
    },
  },
  {
    n: 2, title: 'SERVICE ACTION is 0 in descriptors with SERVACTV 0', level: 'MUST', ref, tags,
    requirement: 'A command descriptor without a valid service action (SERVACTV 0) holds 0 in SERVICE ACTION (libiscsi test_report_supported_opcodes_servactv).',
    async run(t) {
      const bad = (await all(t, await t.login())).commands.filter(d => !d.servactv && d.serviceAction !== 0);
      t.check(bad.length === 0, 'SERVICE ACTION 0 where SERVACTV is 0', bad.map(d => `${hex(d.operationCode)} SA ${hex(d.serviceAction)}`).join(', '));
    },
  },
  {
    n: 3, title: 'RCTD 0 returns no timeouts descriptors; RCTD 1 returns one per command', level: 'MUST', ref, tags,
    requirement: 'CTDP is 0 in every descriptor when RCTD is 0; with RCTD 1 every descriptor has CTDP 1 and a timeouts descriptor of length 0x0A (libiscsi test_report_supported_opcodes_rctd).',
    async run(t) {
      const c = await t.login();
      const plain = await all(t, c);
      t.check(plain.commands.every(d => !d.ctdp), 'CTDP 0 with RCTD 0', `CTDP 1 in ${plain.commands.filter(d => d.ctdp).map(name).join(' ')}`);
      const timed = await all(t, c, true);
      const bad = timed.commands.filter(d => !d.ctdp || d.timeouts?.descriptorLength !== 0x0a);
      t.check(timed.violations.length === 0 && bad.length === 0, 'CTDP 1 and a 0x0A-byte timeouts descriptor each', `${bad.map(name).join(' ')}; ${timed.violations.join('; ')}`);
    },
  },
  {
    n: 4, title: 'each listed command is reported supported by the one-command form', level: 'MUST', ref, tags,
    requirement: 'For every listed command, the one-command form (option 001b, or 010b with its service action) returns SUPPORT 011b or 101b, its CDB SIZE, and CDB USAGE DATA starting with the opcode (libiscsi test_report_supported_opcodes_one_command).',
    async run(t) {
      const c = await t.login();
      for (const d of (await all(t, c)).commands) {
        await t.expect(one(c, t, d.servactv ? 2 : 1, d.operationCode, d.serviceAction), pass(scsiStatus(0, x => x.data.length >= 5
          && [3, 5].includes(x.data[1]! & 7) && x.data.readUInt16BE(2) === d.cdbLength && x.data[4] === d.operationCode, ` for ${name(d)}: supported, CDB SIZE ${d.cdbLength}, usage byte 0 = opcode`)));
      }
    },
  },
  {
    n: 5, title: 'the one-command form refuses the wrong option for a command\'s service action use', level: 'MUST', ref, tags,
    requirement: 'Option 001b for an opcode that has service actions, or 010b for one that has none, ends with ILLEGAL REQUEST, INVALID FIELD IN CDB (libiscsi test_report_supported_opcodes_one_command).',
    async run(t) {
      const c = await t.login();
      const list = (await all(t, c)).commands;
      const withSa = list.find(d => d.servactv), without = list.find(d => !d.servactv);
      if (withSa) await t.expect(one(c, t, 1, withSa.operationCode, 0), pass(sense(0x5, 0x24, 0x00)));
      if (without) await t.expect(one(c, t, 2, without.operationCode, 0), pass(sense(0x5, 0x24, 0x00)));
      if (!withSa && !without) t.skip('no command listed');
    },
  },
  {
    n: 6, title: 'every listed command is accepted: none is refused as INVALID COMMAND OPERATION CODE', level: 'MUST', ref, tags,
    requirement: 'A command the list reports as supported is not refused with INVALID COMMAND OPERATION CODE (sent with a zeroed CDB; only commands that change nothing that way are tried).',
    async run(t) {
      const c = await t.login();
      for (const d of (await all(t, c)).commands.filter(x => SAFE.has(x.operationCode))) {
        const cdb = Buffer.alloc(d.cdbLength); cdb[0] = d.operationCode; if (d.servactv) cdb[1] = d.serviceAction & 0x1f;
        const e = await cmd(t, c, cdb);
        t.check(!unsupported(e), `${name(d)} accepted (any status but 05/20/00)`, 'INVALID COMMAND OPERATION CODE');
      }
    },
  },
  {
    n: 7, title: 'an opcode the list leaves out is refused as INVALID COMMAND OPERATION CODE', level: 'MUST', ref, tags,
    requirement: 'A command the list does not report is not supported: sending it ends with ILLEGAL REQUEST, INVALID COMMAND OPERATION CODE.',
    async run(t) {
      const c = await t.login();
      const listed = new Set((await all(t, c)).commands.map(d => d.operationCode));
      const op = [0x02, 0x22, 0x7e, 0xe7].find(x => !listed.has(x)) ?? t.skip('every candidate opcode is listed');
      const cdb = Buffer.alloc(op >= 0x20 ? 10 : 6); cdb[0] = op;
      await t.expect(cmd(t, c, cdb), pass(sense(0x5, 0x20, 0x00)));
    },
  },
  {
    n: 8, title: 'the one-command form reports an unsupported opcode as not supported', level: 'MUST', ref, tags,
    requirement: 'Option 001b for an opcode the device server does not support returns GOOD with SUPPORT 000b (not available) or 001b (not supported).',
    async run(t) {
      const c = await t.login();
      const listed = new Set((await all(t, c)).commands.map(d => d.operationCode));
      const op = [0x02, 0x22, 0x7e, 0xe7].find(x => !listed.has(x)) ?? t.skip('every candidate opcode is listed');
      await t.expect(one(c, t, 1, op, 0), pass(scsiStatus(0, x => x.data.length >= 2 && (x.data[1]! & 7) <= 1, ' with SUPPORT 000b or 001b')));
    },
  },
  {
    n: 9, title: 'a truncated list keeps its full COMMAND DATA LENGTH', level: 'MUST', ref, tags: [...tags, 'boundary'],
    requirement: 'With ALLOCATION LENGTH 4 only COMMAND DATA LENGTH is returned, and it still describes the whole list.',
    async run(t) {
      const c = await t.login();
      const full = await all(t, c);
      await t.expect(cmd(t, c, Rsoc.encode({ reportingOptions: 0, allocationLength: 4 }), { read: 4 }),
        pass(scsiStatus(0, x => x.data.length === 4 && x.data.equals(full.raw.subarray(0, 4)), ` with COMMAND DATA LENGTH ${full.raw.readUInt32BE(0)}`)));
    },
  },
  {
    n: 10, title: 'an undefined REPORTING OPTIONS value gets INVALID FIELD IN CDB', level: 'MUST', ref, tags,
    requirement: 'REPORTING OPTIONS values the standard does not define (111b here) end with ILLEGAL REQUEST, INVALID FIELD IN CDB.',
    async run(t) {
      const c = await t.login();
      await all(t, c);
      await t.expect(one(c, t, 7, 0x12, 0), pass(sense(0x5, 0x24, 0x00)));
    },
  },
  {
    n: 11, title: 'the list includes the commands the device server plainly serves', level: 'MUST', ref, tags,
    requirement: 'Every supported command is listed: at least INQUIRY, TEST UNIT READY, REPORT LUNS, REQUEST SENSE and REPORT SUPPORTED OPERATION CODES itself, all of which it just served.',
    async run(t) {
      const list = (await all(t, await t.login())).commands;
      const want = [[0x12], [0x00], [0xa0], [0x03], [0xa3, 0x0c]] as const;
      const missing = want.filter(([op, sa]) => !list.some(d => d.operationCode === op && (sa === undefined || (d.servactv && d.serviceAction === sa))));
      t.check(missing.length === 0, 'all five listed', `missing ${missing.map(([op, sa]) => (sa === undefined ? hex(op) : `${hex(op)}/${hex(sa)}`)).join(' ')}`);
    },
  },
];

export default defineSection('spc/report-supported-operation-codes', 'REPORT SUPPORTED OPERATION CODES', cases);
