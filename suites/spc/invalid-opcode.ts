// SPC-4: an operation code the device server does not implement ends with INVALID COMMAND OPERATION
// CODE; an unknown service action of a known opcode with INVALID FIELD IN CDB.
import { defineSection, type CaseDef } from '../../harness/runner/case.js';
import { nonStrict, pass, sense } from '../../harness/runner/outcomes.js';
import { ReportSupportedOperationCodes } from '../../harness/scsi/commands/spc.js';
import { SenseKey } from '../support.js';
import { cmd, hex } from '../support-spc.js';

const ref = 'spc4 (operation codes); sam5 (command descriptor block)';
const tags = ['scsi', 'opcode'];

/** A zeroed CDB of the length the opcode's group code gives. */
const cdbFor = (op: number): Buffer => { const b = Buffer.alloc(op >= 0xa0 && op < 0xc0 ? 12 : op >= 0x80 && op < 0xa0 ? 16 : op >= 0x20 ? 10 : 6); b[0] = op; return b; };

/** Opcodes RSOC lists, when it is supported (an unknown opcode must not be one of them). */
async function listed(t: Parameters<CaseDef['run']>[0], c: Awaited<ReturnType<Parameters<CaseDef['run']>[0]['login']>>): Promise<Set<number>> {
  const e = await cmd(t, c, ReportSupportedOperationCodes.encode({ reportingOptions: 0, allocationLength: 8192 }), { read: 8192 });
  const out = new Set<number>();
  if (e.kind === 'scsi' && e.status === 0) for (let o = 4; o + 8 <= e.data.length; o += (e.data[o + 5]! & 2) ? 20 : 8) out.add(e.data[o]!);
  return out;
}

// Opcodes no SPC-4 / SBC-3 direct-access command uses (0x02, 0x22 obsolete or unassigned; 0xE7 vendor specific).
const opcodeRow = (n: number, op: number): CaseDef => ({
  n, title: `opcode ${hex(op)} (not implemented) gets INVALID COMMAND OPERATION CODE`, level: 'MUST', ref, tags,
  requirement: 'A command whose operation code the device server does not support ends with CHECK CONDITION, ILLEGAL REQUEST, INVALID COMMAND OPERATION CODE.',
  async run(t) {
    const c = await t.login();
    if ((await listed(t, c)).has(op)) t.skip(`REPORT SUPPORTED OPERATION CODES lists ${hex(op)}`);
    await t.expect(cmd(t, c, cdbFor(op)), pass(sense(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00)));
  },
});

const cases: CaseDef[] = [
  opcodeRow(1, 0x02),
  opcodeRow(2, 0x22),
  opcodeRow(3, 0xe7),
  opcodeRow(4, 0x7e),
  {
    n: 5, title: 'an unknown SERVICE ACTION IN(16) service action gets INVALID FIELD IN CDB', level: 'MUST', ref: 'spc4 (service actions); sbc3 SERVICE ACTION IN(16)', tags,
    requirement: 'A known opcode with a service action the device server does not support ends with INVALID FIELD IN CDB (tgt: SERVICE ACTION IN 0x9E).',
    async run(t) {
      const c = await t.login();
      const cdb = Buffer.alloc(16); cdb[0] = 0x9e; cdb[1] = 0x1f;
      await t.expect(cmd(t, c, cdb), pass(sense(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00)), nonStrict(sense(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00)));
    },
  },
  {
    n: 6, title: 'an unknown MAINTENANCE IN service action gets INVALID FIELD IN CDB', level: 'SHOULD', ref: 'spc4 MAINTENANCE IN', tags,
    requirement: 'MAINTENANCE IN (0xA3) with a service action the device server does not support (0x1F) ends with INVALID FIELD IN CDB.',
    async run(t) {
      const c = await t.login();
      const cdb = Buffer.alloc(12); cdb[0] = 0xa3; cdb[1] = 0x1f;
      await t.expect(cmd(t, c, cdb), pass(sense(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00)), nonStrict(sense(SenseKey.ILLEGAL_REQUEST, 0x20, 0x00)));
    },
  },
];

export default defineSection('spc/invalid-opcode', 'Unsupported operation codes', cases);
