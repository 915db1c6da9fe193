// Task Management Function Request, RFC 7143 §11.5: abort tasks, reset LUs and targets.
import { bits, flag, reserved, u32, u64 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import { NO_TAG, TmfFunction } from './codes.js';

/** Task Management Function Request (0x02). */
export const TaskManagementRequest = definePdu({
  name: 'TaskManagementRequest', opcode: 0x02, from: 'initiator', ref: 'rfc7143/11.5', data: 'none',
  fields: [
    flag('final', 1, 7, { fixed: true, ruleId: 'field/f-bit' }),
    bits('function', 1, [6, 0], { names: TmfFunction, ruleId: 'field/tmf-function' }), ...reserved(2, 2),
    u64('lun', 8, { hex: true }), u32('itt', 16, { hex: true }), u32('referencedTaskTag', 20, { hex: true }),
    u32('cmdSN', 24), u32('expStatSN', 28), u32('refCmdSN', 32), u32('expDataSN', 36), ...reserved(40, 8),
  ],
  rules: [{
    id: 'pdu/tmf-rtt-only-for-task', ref: 'rfc7143/11.5.4',
    text: 'Referenced Task Tag is 0xffffffff unless the function is ABORT TASK, TASK REASSIGN (or RFC 7144 QUERY TASK)',
    ok: p => [1, 8, 9].includes(p.function) || p.referencedTaskTag === NO_TAG,
    breakIt: p => ({ ...p, function: 5, referencedTaskTag: 7 }),
  }],
});
