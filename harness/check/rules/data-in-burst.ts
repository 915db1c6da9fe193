// A Data-In sequence (PDUs up to one with F=1) carries no more than MaxBurstLength bytes.
import { defineRule } from '../define-rule.js';
import { isScsi } from '../state.js';

/** Each Data-In sequence is at most MaxBurstLength bytes (RFC 7143 §11.7.1: the DataSegmentLengths of a sequence "MUST NOT exceed MaxBurstLength"; §13.13). */
export const dataInBurst = defineRule({
  id: 'check/data-in-burst', ref: 'rfc7143/11.7.1', level: 'MUST', side: 'target', appliesTo: ['DataIn'],
  text: 'the data of one Data-In sequence does not exceed MaxBurstLength',
  check(pdu, { task, state }) {
    if (!isScsi(task)) return undefined;
    const burst = task.dataIn.burst + pdu.data.length;
    const max = state.params.maxBurstLength;
    // Report once, on the PDU that crosses the limit.
    return burst > max && task.dataIn.burst <= max ? `Data-In sequence reaches ${burst} bytes; MaxBurstLength is ${max}` : undefined;
  },
});
