// The target transfers no more read data than the Expected Data Transfer Length; the rest is a residual overflow.
import { defineRule } from '../define-rule.js';
import { isScsi } from '../state.js';

/** Data-In stays inside [0, EDTL) (RFC 7143 §11.4.5: data beyond EDTL is not sent but reported with O). */
export const dataInWithinEdtl = defineRule({
  id: 'check/data-in-within-edtl', ref: 'rfc7143/11.4.5', level: 'MUST', side: 'target', appliesTo: ['DataIn'],
  text: 'Data-In never carries bytes beyond the Expected Data Transfer Length',
  check(pdu, { task }) {
    if (!isScsi(task)) return undefined;
    if (!task.read) return 'Data-In for a command without the R bit';
    if (task.write) return undefined; // bidirectional: the read length is in an AHS we do not track
    const end = pdu.bufferOffset + pdu.data.length;
    return end > task.edtl ? `Data-In covers bytes up to ${end}; Expected Data Transfer Length is ${task.edtl}` : undefined;
  },
});
