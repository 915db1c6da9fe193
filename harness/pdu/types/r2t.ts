// Ready To Transfer, RFC 7143 §11.8: the target solicits one burst of write data.
import { flag, reservedBits, reserved, u32, u64 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import { NO_TAG } from './codes.js';

/** Ready To Transfer (0x31). */
export const R2t = definePdu({
  name: 'R2t', opcode: 0x31, from: 'target', ref: 'rfc7143/11.8', data: 'none',
  fields: [
    flag('final', 1, 7, { fixed: true, ruleId: 'field/f-bit' }), reservedBits(1, 0x7f), ...reserved(2, 2),
    u64('lun', 8, { hex: true, quiet: true }), u32('itt', 16, { hex: true }), u32('ttt', 20, { hex: true }),
    u32('statSN', 24), u32('expCmdSN', 28), u32('maxCmdSN', 32), u32('r2tSN', 36), u32('bufferOffset', 40),
    u32('desiredDataTransferLength', 44),
  ],
  rules: [
    { id: 'pdu/r2t-length-not-zero', ref: 'rfc7143/11.8.4', text: 'Desired Data Transfer Length must not be 0',
      ok: p => p.desiredDataTransferLength !== 0, breakIt: p => ({ ...p, desiredDataTransferLength: 0 }) },
    { id: 'pdu/r2t-ttt-not-reserved', ref: 'rfc7143/11.8.5', text: 'the Target Transfer Tag is not 0xffffffff',
      ok: p => p.ttt !== NO_TAG, breakIt: p => ({ ...p, ttt: NO_TAG }) },
  ],
});
