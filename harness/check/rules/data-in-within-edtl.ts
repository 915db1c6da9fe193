// The target transfers no more read data than the Expected Data Transfer Length; the rest is a residual overflow.
import { defineRule } from '../define-rule.js';
import { isScsi } from '../state.js';

/**
 * Data-In stays inside [0, EDTL). SHOULD: RFC 7143 §11.7.6 says only that the sum of buffer offset and length "should
 * not exceed the expected transfer length" (lower case); §11.4.1 has O count bytes "not transferred because the
 * initiator's Expected Data Transfer Length was not sufficient". Data-In for a command without R: §11.3.1 (R bit).
 */
export const dataInWithinEdtl = defineRule({
  id: 'check/data-in-within-edtl', ref: 'rfc7143/11.7.6', level: 'SHOULD', side: 'target', appliesTo: ['DataIn'],
  text: 'Data-In answers a read command and carries no bytes beyond its Expected Data Transfer Length',
  check(pdu, { task }) {
    if (!isScsi(task)) return undefined;
    if (!task.read) return 'Data-In for a command without the R bit';
    if (task.write) return undefined; // bidirectional: the read length is in an AHS we do not track
    const end = pdu.bufferOffset + pdu.data.length;
    return end > task.edtl ? `Data-In covers bytes up to ${end}; Expected Data Transfer Length is ${task.edtl}` : undefined;
  },
});
