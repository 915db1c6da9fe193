// A target PDU's data segment fits the MaxRecvDataSegmentLength the initiator declared.
import { defineRule } from '../define-rule.js';

/** DataSegmentLength <= the initiator's MaxRecvDataSegmentLength (RFC 7143 §13.12: the transmitter "is required to send PDUs with a data segment that does not exceed MaxRecvDataSegmentLength of the receiver"; §11.7.1 MUST for data PDUs; the 8192 default during login, §6.3). */
export const dataSegmentLength = defineRule({
  id: 'check/data-segment-length', ref: 'rfc7143/13.12', level: 'MUST', side: 'target', appliesTo: '*',
  text: 'the target sends no data segment longer than the initiator declared it can receive',
  check(pdu, { state }) {
    // Login runs on the defaults; the declared values take effect in Full Feature Phase (§6.3, §13.12).
    const limit = state.phase === 'ffp' ? state.params.maxRecvDataSegmentLength.initiator : 8192;
    return pdu.data.length > limit ? `${pdu.type} has a ${pdu.data.length}-byte data segment; the initiator's MaxRecvDataSegmentLength is ${limit}` : undefined;
  },
});
