// SCSI Data-In, RFC 7143 §11.7: read data; S carries phase-collapsed status with F.
import { flag, reservedBits, reserved, u8, u32, u64 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import { ScsiStatus } from './codes.js';

/** SCSI Data-In (0x25). */
export const DataIn = definePdu({
  name: 'DataIn', opcode: 0x25, from: 'target', ref: 'rfc7143/11.7', data: 'scsi',
  fields: [
    flag('final', 1, 7), flag('acknowledge', 1, 6), reservedBits(1, 0x38),
    flag('overflow', 1, 2), flag('underflow', 1, 1), flag('statusPresent', 1, 0), ...reserved(2, 1),
    u8('status', 3, { names: ScsiStatus, open: true, quiet: true }),
    u64('lun', 8, { hex: true, quiet: true }), u32('itt', 16, { hex: true }), u32('ttt', 20, { hex: true, quiet: true }),
    u32('statSN', 24), u32('expCmdSN', 28), u32('maxCmdSN', 32), u32('dataSN', 36), u32('bufferOffset', 40),
    u32('residualCount', 44, { quiet: true }),
  ],
  rules: [
    { id: 'pdu/data-in-s-needs-f', ref: 'rfc7143/11.7.3', text: 'the S bit is only set together with the F bit',
      ok: p => !p.statusPresent || p.final, breakIt: p => ({ ...p, statusPresent: true, final: false }) },
    { id: 'pdu/data-in-residual-needs-s', ref: 'rfc7143/11.7.3', level: 'SHOULD', text: 'the O and U bits only have meaning with S=1, so they are left 0 without it',
      ok: p => p.statusPresent || !(p.overflow || p.underflow), breakIt: p => ({ ...p, statusPresent: false, underflow: true }) },
    { id: 'pdu/data-in-o-and-u', ref: 'rfc7143/11.4.1', text: 'the O and U bits must not both be 1',
      ok: p => !(p.overflow && p.underflow), breakIt: p => ({ ...p, statusPresent: true, final: true, overflow: true, underflow: true }) },
    { id: 'pdu/data-in-status-needs-s', ref: 'rfc7143/11.7.3', level: 'SHOULD', text: 'the Status byte only has meaning with S=1, so it is left 0 without it',
      ok: p => p.statusPresent || p.status === 0, breakIt: p => ({ ...p, statusPresent: false, overflow: false, underflow: false, status: 2 }) },
    { id: 'pdu/data-in-status-good-only', ref: 'rfc7143/11.7.3',
      text: 'status in a Data-In is GOOD, CONDITION MET, INTERMEDIATE or INTERMEDIATE-CONDITION MET; an error status goes in a SCSI Response',
      ok: p => !p.statusPresent || p.status === 0x00 || p.status === 0x04 || p.status === 0x10 || p.status === 0x14,
      breakIt: p => ({ ...p, statusPresent: true, final: true, status: 2 }) },
  ],
});
