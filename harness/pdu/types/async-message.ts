// Asynchronous Message, RFC 7143 §11.9: SCSI events and target requests (logout, drop, renegotiate).
import { flag, reservedBits, reserved, u8, u16, u32, u64 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import { AsyncEvent, NO_TAG } from './codes.js';

/** Asynchronous Message (0x32). */
export const AsyncMessage = definePdu({
  name: 'AsyncMessage', opcode: 0x32, from: 'target', ref: 'rfc7143/11.9', data: 'async',
  fields: [
    flag('final', 1, 7, { fixed: true, ruleId: 'field/f-bit' }), reservedBits(1, 0x7f), ...reserved(2, 2),
    u64('lun', 8, { hex: true, quiet: true }), u32('itt', 16, { fixed: NO_TAG, hex: true, quiet: true, ruleId: 'field/async-itt' }),
    ...reserved(20, 4), u32('statSN', 24), u32('expCmdSN', 28), u32('maxCmdSN', 32),
    u8('asyncEvent', 36, { names: AsyncEvent, open: true }), u8('asyncVCode', 37, { quiet: true }),
    u16('parameter1', 38, { quiet: true }), u16('parameter2', 40, { quiet: true }), u16('parameter3', 42, { quiet: true }),
    ...reserved(44, 4),
  ],
});
