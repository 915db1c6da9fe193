// SCSI Data-Out, RFC 7143 §11.7: write data, unsolicited or answering an R2T (TTT).
import { flag, reservedBits, reserved, u32, u64 } from '../../codec/fields.js';
import { definePdu } from '../define.js';

/** SCSI Data-Out (0x05). */
export const DataOut = definePdu({
  name: 'DataOut', opcode: 0x05, from: 'initiator', ref: 'rfc7143/11.7', data: 'scsi',
  fields: [
    flag('final', 1, 7), reservedBits(1, 0x7f), ...reserved(2, 2),
    u64('lun', 8, { hex: true, quiet: true }), u32('itt', 16, { hex: true }), u32('ttt', 20, { hex: true }),
    ...reserved(24, 4), u32('expStatSN', 28), ...reserved(32, 4), u32('dataSN', 36), u32('bufferOffset', 40),
    ...reserved(44, 4),
  ],
  rules: [{ id: 'pdu/data-out-not-immediate', ref: 'rfc7143/11.2.1.1',
    text: 'Data-Out is not an immediate command: the I bit is 0', ok: p => !p.immediate,
    breakIt: p => ({ ...p, immediate: true }) }],
});
