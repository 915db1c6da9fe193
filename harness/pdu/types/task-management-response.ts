// Task Management Function Response, RFC 7143 §11.6.
import { flag, reservedBits, reserved, u8, u32 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import { TmfResponse } from './codes.js';

/** Task Management Function Response (0x22). */
export const TaskManagementResponse = definePdu({
  name: 'TaskManagementResponse', opcode: 0x22, from: 'target', ref: 'rfc7143/11.6', data: 'none',
  fields: [
    flag('final', 1, 7, { fixed: true, ruleId: 'field/f-bit' }), reservedBits(1, 0x7f),
    u8('response', 2, { names: TmfResponse, ruleId: 'field/tmf-response' }), ...reserved(3, 1), ...reserved(8, 8),
    u32('itt', 16, { hex: true }), ...reserved(20, 4), u32('statSN', 24), u32('expCmdSN', 28), u32('maxCmdSN', 32),
    ...reserved(36, 12),
  ],
});
