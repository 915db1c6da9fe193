// RFC 7143 §11.2.1.2 Opcode: an initiator opcode the target does not know is rejected, reason 0x05.
import { defineSection } from '../../../harness/runner/case.js';
import { pass, reject } from '../../../harness/runner/outcomes.js';

export default defineSection('rfc7143/11.2.1.2', 'Opcode', [
  {
    n: 1,
    title: 'an undefined initiator opcode gets a Reject with reason 0x05',
    level: 'MUST',
    requirement: 'A PDU with an opcode the target does not support is answered with Reject, reason "Command not supported" (0x05), carrying the rejected header.',
    tags: ['reject', 'ffp'],
    async run(t) {
      const c = await t.login();
      const bhs = Buffer.alloc(48);
      bhs[0] = 0x40 | 0x15; // immediate, opcode 0x15: not defined by RFC 7143 and not vendor-specific
      bhs[1] = 0x80;
      bhs.writeUInt32BE(c.nextItt(), 16);
      bhs.writeUInt32BE(c.cmdSN, 24);
      bhs.writeUInt32BE(c.expStatSN, 28);
      c.sendRaw(bhs);
      await t.expect(c, pass({ ...reject(5), describe: 'Reject reason 0x05 (CommandNotSupported) carrying the 48-byte header', test: e => reject(5).test(e) && e.kind === 'pdu' && e.pdu.data.subarray(0, 48).equals(bhs) }));
    },
  },
]);
