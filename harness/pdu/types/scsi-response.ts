// SCSI Response, RFC 7143 §11.4: status, residuals, sense data in the data segment.
import { flag, reservedBits, reserved, u8, u32 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import { ScsiResponseCode, ScsiStatus } from './codes.js';

/** SCSI Response (0x21). */
export const ScsiResponse = definePdu({
  name: 'ScsiResponse', opcode: 0x21, from: 'target', ref: 'rfc7143/11.4', data: 'response',
  fields: [
    flag('final', 1, 7, { fixed: true, ruleId: 'field/f-bit' }), reservedBits(1, 0x61),
    flag('bidiOverflow', 1, 4), flag('bidiUnderflow', 1, 3), flag('overflow', 1, 2), flag('underflow', 1, 1),
    u8('response', 2, { names: ScsiResponseCode, ruleId: 'field/scsi-response-code' }),
    u8('status', 3, { names: ScsiStatus, open: true, hex: true }), ...reserved(8, 8),
    u32('itt', 16, { hex: true }), u32('snackTag', 20, { quiet: true }), u32('statSN', 24), u32('expCmdSN', 28),
    u32('maxCmdSN', 32), u32('expDataSN', 36), u32('bidiReadResidualCount', 40, { quiet: true }),
    u32('residualCount', 44, { quiet: true }),
  ],
  rules: [
    { id: 'pdu/response-o-and-u', ref: 'rfc7143/11.4.1', text: 'the O and U bits must not both be 1',
      ok: p => !(p.overflow && p.underflow), breakIt: p => ({ ...p, overflow: true, underflow: true }) },
    { id: 'pdu/response-bidi-o-and-u', ref: 'rfc7143/11.4.1', text: 'the o and u bits must not both be 1',
      ok: p => !(p.bidiOverflow && p.bidiUnderflow), breakIt: p => ({ ...p, bidiOverflow: true, bidiUnderflow: true }) },
    { id: 'pdu/response-flags-only-when-completed', ref: 'rfc7143/11.4.1',
      text: 'the o, u, O and U bits are 0 unless the Response is Command Completed at Target',
      ok: p => p.response === 0 || !(p.overflow || p.underflow || p.bidiOverflow || p.bidiUnderflow),
      breakIt: p => ({ ...p, response: 1, underflow: true, overflow: false }) },
    { id: 'pdu/response-residual-without-flag', ref: 'rfc7143/11.4.5.1', level: 'SHOULD',
      text: 'Residual Count is 0 when neither O nor U is set',
      ok: p => p.overflow || p.underflow || p.residualCount === 0,
      breakIt: p => ({ ...p, overflow: false, underflow: false, residualCount: 512 }) },
  ],
});
