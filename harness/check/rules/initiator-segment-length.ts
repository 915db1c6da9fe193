// Passive mode: an initiator PDU's data segment fits the MaxRecvDataSegmentLength the target declared.
import { defineRule } from '../define-rule.js';

/** DataSegmentLength <= the target's MaxRecvDataSegmentLength (RFC 7143 §13.12, §11.7.1; the 8192 default during login, §6.3). */
export const initiatorSegmentLength = defineRule({
  id: 'check/initiator-segment-length', ref: 'rfc7143/13.12', level: 'MUST', side: 'initiator', appliesTo: '*',
  text: 'the initiator sends no data segment longer than the target declared it can receive',
  check(pdu, { state }) {
    const limit = state.phase === 'ffp' ? state.params.maxRecvDataSegmentLength.target : 8192;
    return pdu.data.length > limit ? `${pdu.type} has a ${pdu.data.length}-byte data segment; the target's MaxRecvDataSegmentLength is ${limit}` : undefined;
  },
});
