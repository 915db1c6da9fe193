// Reject, RFC 7143 §11.17: the target refuses a PDU; the data segment is the rejected header.
import { flag, reservedBits, reserved, u8, u32 } from '../../codec/fields.js';
import { definePdu } from '../define.js';
import fc from 'fast-check';
import { NO_TAG, RejectReason } from './codes.js';

/** Reject (0x3f). */
export const Reject = definePdu({
  name: 'Reject', opcode: 0x3f, from: 'target', ref: 'rfc7143/11.17', data: 'rejected-header',
  fields: [
    flag('final', 1, 7, { fixed: true, ruleId: 'field/f-bit' }), reservedBits(1, 0x7f),
    u8('reason', 2, { names: RejectReason, ruleId: 'field/reject-reason' }), ...reserved(3, 1), ...reserved(8, 8),
    u32('itt', 16, { fixed: NO_TAG, hex: true, quiet: true, ruleId: 'field/reject-itt' }), ...reserved(20, 4),
    u32('statSN', 24), u32('expCmdSN', 28), u32('maxCmdSN', 32), u32('dataSNOrR2TSN', 36, { quiet: true }),
    ...reserved(40, 8),
  ],
  rules: [{ id: 'pdu/reject-carries-header', ref: 'rfc7143/11.17.4',
    text: 'the data segment holds the complete 48-byte header of the rejected PDU',
    ok: p => p.data.length >= 48, breakIt: p => ({ ...p, data: Buffer.alloc(0) }) }],
  dataArb: fc.uint8Array({ minLength: 48, maxLength: 56 }).map(a => Buffer.from(a)),
});
