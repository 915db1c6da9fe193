// Logout Request, RFC 7143 §11.14: close the session, a connection, or one for recovery.
import { bits, flag, reserved, u16, u32 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import { LogoutReason } from './codes.js';

/** Logout Request (0x06). */
export const LogoutRequest = definePdu({
  name: 'LogoutRequest', opcode: 0x06, from: 'initiator', ref: 'rfc7143/11.14', data: 'none',
  fields: [
    flag('final', 1, 7, { fixed: true, ruleId: 'field/f-bit' }),
    bits('reasonCode', 1, [6, 0], { names: LogoutReason, ruleId: 'field/logout-reason' }), ...reserved(2, 2),
    ...reserved(8, 8), u32('itt', 16, { hex: true }), u16('cid', 20), ...reserved(22, 2),
    u32('cmdSN', 24), u32('expStatSN', 28), ...reserved(32, 16),
  ],
});
