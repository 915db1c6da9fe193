// Text Request, RFC 7143 §11.10: key=value text in FFP; C continues, TTT resumes a long reply.
import { flag, reservedBits, reserved, u32, u64 } from '../../codec/fields.js';
import { definePdu } from '../define.js';

/** Text Request (0x04). */
export const TextRequest = definePdu({
  name: 'TextRequest', opcode: 0x04, from: 'initiator', ref: 'rfc7143/11.10', data: 'text',
  fields: [
    flag('final', 1, 7), flag('continue', 1, 6), reservedBits(1, 0x3f), ...reserved(2, 2),
    u64('lun', 8, { hex: true, quiet: true }), u32('itt', 16, { hex: true }), u32('ttt', 20, { hex: true }),
    u32('cmdSN', 24), u32('expStatSN', 28), ...reserved(32, 16),
  ],
  rules: [{ id: 'pdu/text-f-and-c', ref: 'rfc7143/11.10.2', text: 'F and C must not both be 1',
    ok: p => !(p.final && p.continue), breakIt: p => ({ ...p, final: true, continue: true }) }],
});
