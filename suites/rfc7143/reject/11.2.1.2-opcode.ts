// RFC 7143 §11.2.1.2 Opcode: an opcode the target does not support is rejected (reason 0x05) with the header returned.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { nonStrict, pass, reject, closed } from '../../../harness/runner/outcomes.js';
import type { Conn } from '../../../harness/runner/conn.js';
import { aliveUnlessClosed } from '../../support-ffp.js';

/** A bare 48-byte header with this opcode byte, F set, our numbering; nothing the codec would build. */
function header(c: Conn, opcodeByte: number): Buffer {
  const bhs = Buffer.alloc(48);
  bhs[0] = opcodeByte;
  bhs[1] = 0x80;
  bhs.writeUInt32BE(c.nextItt(), 16);
  bhs.writeUInt32BE(c.cmdSN, 24);
  bhs.writeUInt32BE(c.expStatSN, 28);
  return bhs;
}

const carries = (bhs: Buffer) => ({ ...reject(5), describe: 'Reject reason 0x05 (CommandNotSupported) carrying the 48-byte header', test: (e: Parameters<ReturnType<typeof reject>['test']>[0]) => reject(5).test(e) && e.kind === 'pdu' && e.pdu.data.subarray(0, 48).equals(bhs) });

// Unassigned initiator opcodes (§11.2.1.2 "All other Opcodes are unassigned"), sent immediate and not.
const rows: { n: number; op: number; imm: boolean }[] = [{ n: 1, op: 0x15, imm: true }, { n: 2, op: 0x07, imm: true }, { n: 3, op: 0x1b, imm: false }, { n: 4, op: 0x0f, imm: true }];

const unassigned = rows.map(({ n, op, imm }): CaseDef => ({
  n,
  title: `unassigned opcode 0x${op.toString(16).padStart(2, '0')}${imm ? '' : ' (not immediate)'} gets a Reject with reason 0x05`,
  level: 'MUST',
  requirement: 'A PDU with an opcode the target does not support is answered with Reject, reason "Command not supported" (0x05), carrying the rejected header; the connection stays.',
  tags: ['reject', 'ffp'],
  async run(t) {
    const c = await t.login();
    const bhs = header(c, (imm ? 0x40 : 0) | op);
    c.sendRaw(bhs);
    // No sentence makes an unknown opcode a format error (§7.7 excludes the opcode); dropping the connection is tolerated.
    const e = await t.expect(c, pass(carries(bhs)), nonStrict(closed()));
    await aliveUnlessClosed(t, c, e);
  },
}));

export default defineSection('rfc7143/11.2.1.2', 'Opcode', [
  ...unassigned,
  {
    n: 5,
    title: 'a target opcode sent by the initiator is refused',
    level: 'MUST',
    requirement: 'Initiators must not use target opcodes; a NOP-In opcode (0x20) from the initiator is not processed: it is rejected (0x05 or 0x04) or the connection is dropped.',
    tags: ['reject', 'ffp'],
    async run(t) {
      const c = await t.login();
      const bhs = header(c, 0x40 | 0x20);
      bhs.writeUInt32BE(0xffffffff, 20);
      c.sendRaw(bhs);
      const e = await t.expect(c, pass(reject(5)), pass(reject(4)), nonStrict(reject()), nonStrict(closed()));
      await aliveUnlessClosed(t, c, e);
    },
  },
]);
