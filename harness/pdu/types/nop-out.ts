// NOP-Out, RFC 7143 §11.18: ping the target or answer its NOP-In; ITT 0xffffffff asks for no answer.
import { flag, reservedBits, reserved, u32, u64 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import { NO_TAG } from './codes.js';

/** NOP-Out (0x00). */
export const NopOut = definePdu({
  name: 'NopOut', opcode: 0x00, from: 'initiator', ref: 'rfc7143/11.18', data: 'ping',
  fields: [
    flag('final', 1, 7, { fixed: true, ruleId: 'field/f-bit' }), reservedBits(1, 0x7f), ...reserved(2, 2),
    u64('lun', 8, { hex: true, quiet: true }), u32('itt', 16, { hex: true }), u32('ttt', 20, { hex: true }),
    u32('cmdSN', 24), u32('expStatSN', 28), ...reserved(32, 16),
  ],
  rules: [{
    id: 'pdu/nop-out-no-answer-immediate', ref: 'rfc7143/11.18.1',
    text: 'a NOP-Out with ITT 0xffffffff (no answer wanted) must have the I bit set',
    ok: p => p.itt !== NO_TAG || p.immediate, breakIt: p => ({ ...p, itt: NO_TAG, immediate: false }),
  }],
});
