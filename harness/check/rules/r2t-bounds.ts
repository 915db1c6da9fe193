// An R2T asks for at most MaxBurstLength bytes, inside the command's Expected Data Transfer Length, of a write.
import { violation, type Violation } from '../../violation.js';
import { defineRule } from '../define-rule.js';
import { isScsi } from '../state.js';

/**
 * R2T Desired Data Transfer Length <= MaxBurstLength (RFC 7143 §11.8.4: it "MUST NOT exceed MaxBurstLength"), for a
 * write (§11.8, §11.3.1 W bit). The range inside EDTL is SHOULD: §11.7.6 only says offset plus length "should not
 * exceed the expected transfer length" of the Data-Out it solicits.
 */
export const r2tBounds = defineRule({
  id: 'check/r2t-bounds', ref: 'rfc7143/11.8.4', level: 'MUST', side: 'target', appliesTo: ['R2t'],
  text: 'an R2T solicits at most MaxBurstLength bytes, inside the Expected Data Transfer Length of a write command',
  check(pdu, { task, state }) {
    if (!isScsi(task)) return undefined;
    const out: Violation[] = [];
    const id = 'check/r2t-bounds';
    if (!task.write) out.push(violation(id, 'rfc7143/11.8', 'R2T for a command without the W bit'));
    if (pdu.desiredDataTransferLength > state.params.maxBurstLength)
      out.push(violation(id, 'rfc7143/11.8.4', `Desired Data Transfer Length ${pdu.desiredDataTransferLength} exceeds MaxBurstLength ${state.params.maxBurstLength}`));
    const end = pdu.bufferOffset + pdu.desiredDataTransferLength;
    if (task.write && end > task.edtl)
      out.push(violation(id, 'rfc7143/11.7.6', `R2T asks for bytes up to ${end}; Expected Data Transfer Length is ${task.edtl}`, undefined, 'SHOULD'));
    return out;
  },
});
