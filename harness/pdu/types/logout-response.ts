// Logout Response, RFC 7143 §11.15: result and Time2Wait/Time2Retain.
import { flag, reservedBits, reserved, u8, u16, u32 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import { LogoutResponse as LogoutResponseCode } from './codes.js';

/** Logout Response (0x26). */
export const LogoutResponse = definePdu({
  name: 'LogoutResponse', opcode: 0x26, from: 'target', ref: 'rfc7143/11.15', data: 'none',
  fields: [
    flag('final', 1, 7, { fixed: true, ruleId: 'field/f-bit' }), reservedBits(1, 0x7f),
    u8('response', 2, { names: LogoutResponseCode, ruleId: 'field/logout-response' }), ...reserved(3, 1),
    ...reserved(8, 8), u32('itt', 16, { hex: true }), ...reserved(20, 4), u32('statSN', 24), u32('expCmdSN', 28),
    u32('maxCmdSN', 32), ...reserved(36, 4), u16('time2Wait', 40), u16('time2Retain', 42), ...reserved(44, 4),
  ],
});
