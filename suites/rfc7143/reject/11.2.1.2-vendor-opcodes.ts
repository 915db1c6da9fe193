// RFC 7143 §11.2.1.2 vendor-specific initiator opcodes 0x1c-0x1e (numbers from 100: 11.2.1.2-opcode.ts holds 1-99).
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { closed, nonStrict, pass, reject } from '../../../harness/runner/outcomes.js';
import { alive } from '../../support-tmf.js';

const rows: CaseDef[] = [0x1c, 0x1d, 0x1e].map((op, i) => ({
  n: 100 + i,
  title: `a vendor-specific opcode 0x${op.toString(16)} the target does not implement is answered with Reject 0x05`,
  level: 'MUST',
  requirement: `0x1c-0x1e are vendor-specific initiator opcodes (§11.2.1.2); a target that does not implement 0x${op.toString(16)} answers it with a Reject "Command not supported" (0x05, §11.17.1) instead of leaving it unanswered, and keeps serving.`,
  ref: 'rfc7143/11.17.1',
  tags: ['reject'],
  async run(t) {
    const c = await t.login();
    const bhs = Buffer.alloc(48);
    bhs[0] = 0x40 | op; // immediate, so no CmdSN is consumed
    bhs[1] = 0x80;
    bhs.writeUInt32BE(c.nextItt(), 16);
    bhs.writeUInt32BE(c.cmdSN, 24);
    bhs.writeUInt32BE(c.expStatSN, 28);
    c.sendRaw(bhs);
    // Bounded: no answer at all shows up as silence, which matches nothing here.
    const e = await t.expect(c.receive(1000), pass(reject(0x05)), nonStrict(reject()), nonStrict(closed()));
    if (e.kind === 'pdu') await alive(t, c, `after opcode 0x${op.toString(16)}`);
  },
}));

export default defineSection('rfc7143/11.2.1.2', 'Opcode', rows);
