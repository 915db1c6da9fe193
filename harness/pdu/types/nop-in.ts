// NOP-In, RFC 7143 §11.19: answers a NOP-Out (ITT echoed) or pings the initiator (TTT set).
import { flag, reservedBits, reserved, u32, u64 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import { NO_TAG } from './codes.js';

/** NOP-In (0x20). */
export const NopIn = definePdu({
  name: 'NopIn', opcode: 0x20, from: 'target', ref: 'rfc7143/11.19', data: 'ping',
  fields: [
    flag('final', 1, 7, { fixed: true, ruleId: 'field/f-bit' }), reservedBits(1, 0x7f), ...reserved(2, 2),
    u64('lun', 8, { hex: true, quiet: true }), u32('itt', 16, { hex: true }), u32('ttt', 20, { hex: true }),
    u32('statSN', 24), u32('expCmdSN', 28), u32('maxCmdSN', 32), ...reserved(36, 12),
  ],
  rules: [{ id: 'pdu/nop-in-itt-or-ttt', ref: 'rfc7143/11.19.1',
    text: 'a NOP-In either answers a NOP-Out (TTT 0xffffffff) or pings (ITT 0xffffffff), not both',
    ok: p => p.itt === NO_TAG || p.ttt === NO_TAG, breakIt: p => ({ ...p, itt: 1, ttt: 1 }) },
    { id: 'pdu/nop-in-unsolicited-no-data', ref: 'rfc7143/11.19',
      text: 'a NOP-In that answers no NOP-Out (ITT 0xffffffff) carries no data',
      ok: p => p.itt !== NO_TAG || p.data.length === 0, breakIt: p => ({ ...p, itt: NO_TAG, data: Buffer.alloc(4, 7) }) }],
});
