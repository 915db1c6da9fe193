// A Reject returns, as its data, the header of a PDU the initiator actually sent.
import { defineRule } from '../define-rule.js';

/** Reject data = the 48-byte BHS of a PDU we sent (RFC 7143 §11.17.4: "The target returns the header (not including the digest) of the PDU in error as the data of the response"; no keyword, the field's definition). */
export const rejectHeader = defineRule({
  id: 'check/reject-header', ref: 'rfc7143/11.17.4', level: 'MUST', side: 'target', appliesTo: ['Reject'],
  text: 'the data segment of a Reject is the header of a PDU the initiator sent',
  check(pdu, { state }) {
    if (pdu.data.length < 48 || state.lateJoin) return undefined; // a short segment is pdu/reject-carries-header
    const h = pdu.data.subarray(0, 48);
    return state.sentHeaders.some(b => b.equals(h)) ? undefined
      : `the rejected header (opcode 0x${(h[0]! & 0x3f).toString(16)}, ITT 0x${h.readUInt32BE(16).toString(16)}) matches no PDU the initiator sent`;
  },
});
