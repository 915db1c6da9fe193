// SCSI Command, RFC 7143 §11.3: the CDB in bytes 32-47, a longer CDB in an Extended CDB AHS.
import { bits, bytes, flag, reservedBits, reserved, u32, u64 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import { TaskAttr } from './codes.js';

/** SCSI Command (0x01). */
export const ScsiCommand = definePdu({
  name: 'ScsiCommand', opcode: 0x01, from: 'initiator', ref: 'rfc7143/11.3', data: 'scsi', ahs: [1, 2],
  fields: [
    flag('final', 1, 7), flag('read', 1, 6), flag('write', 1, 5), reservedBits(1, 0x18),
    bits('attr', 1, [2, 0], { names: TaskAttr, ruleId: 'field/task-attribute' }), ...reserved(2, 2),
    u64('lun', 8, { hex: true }), u32('itt', 16, { hex: true }), u32('expectedDataTransferLength', 20),
    u32('cmdSN', 24), u32('expStatSN', 28), bytes('cdb', 32, 16),
  ],
  rules: [
    { id: 'pdu/scsi-command-rw-with-length', ref: 'rfc7143/11.3.1',
      text: 'R and W must not both be 0 when Expected Data Transfer Length is not 0',
      ok: p => p.read || p.write || p.expectedDataTransferLength === 0,
      breakIt: p => ({ ...p, read: false, write: false, expectedDataTransferLength: p.expectedDataTransferLength || 512 }) },
    { id: 'pdu/scsi-command-w-or-f', ref: 'rfc7143/11.3.1',
      text: 'at least one of the W and F bits must be 1', ok: p => p.write || p.final,
      breakIt: p => ({ ...p, write: false, final: false, read: true }) },
    { id: 'pdu/scsi-command-immediate-data-needs-w', ref: 'rfc7143/11.3.1',
      text: 'immediate data (a data segment) is only sent with a write (W=1)', ok: p => p.data.length === 0 || p.write,
      breakIt: p => ({ ...p, write: false, final: true, read: true, expectedDataTransferLength: Math.max(p.expectedDataTransferLength, 4), data: Buffer.alloc(4, 1) }) },
    { id: 'pdu/scsi-command-data-within-edtl', ref: 'rfc7143/11.3.4',
      text: 'immediate data must not exceed the Expected Data Transfer Length',
      ok: p => p.data.length <= p.expectedDataTransferLength,
      breakIt: p => ({ ...p, write: true, expectedDataTransferLength: 0, data: Buffer.alloc(8, 2) }) },
    { id: 'pdu/scsi-command-f-when-all-immediate', ref: 'rfc7143/11.3.4',
      text: 'when the immediate data is the whole Expected Data Transfer Length of a write, F must be 1',
      ok: p => !(p.write && p.data.length > 0 && p.data.length === p.expectedDataTransferLength) || p.final,
      breakIt: p => ({ ...p, write: true, final: false, expectedDataTransferLength: 4, data: Buffer.alloc(4, 3) }) },
    { id: 'pdu/scsi-command-bidi-needs-ahs', ref: 'rfc7143/11.3.4',
      text: 'a bidirectional command (R and W) carries a Bidirectional Read Expected Data Transfer Length AHS',
      ok: p => !(p.read && p.write) || p.ahs.some(a => 'ahsType' in a && a.ahsType === 2),
      breakIt: p => ({ ...p, read: true, write: true, ahs: [] }) },
  ],
});
