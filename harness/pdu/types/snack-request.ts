// SNACK Request, RFC 7143 §11.16: ask again for Data-In/R2T, status, or acknowledge data (ERL >= 1).
import { bits, flag, reservedBits, reserved, u32, u64 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import { SnackType } from './codes.js';

/** SNACK Request (0x10). Layout per RFC, not tgt's pre-RFC struct (PDU-LAYOUTS.md warning). */
export const SnackRequest = definePdu({
  name: 'SnackRequest', opcode: 0x10, from: 'initiator', ref: 'rfc7143/11.16', data: 'none',
  fields: [
    flag('final', 1, 7, { fixed: true, ruleId: 'field/f-bit' }), reservedBits(1, 0x70),
    bits('snackType', 1, [3, 0], { names: SnackType, ruleId: 'field/snack-type' }), ...reserved(2, 2),
    u64('lun', 8, { hex: true, quiet: true }), u32('itt', 16, { hex: true }), u32('tttOrSnackTag', 20, { hex: true }),
    ...reserved(24, 4), u32('expStatSN', 28), ...reserved(32, 8), u32('begRun', 40), u32('runLength', 44),
  ],
});
