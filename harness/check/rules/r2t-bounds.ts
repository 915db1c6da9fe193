// An R2T asks for at most MaxBurstLength bytes, inside the command's Expected Data Transfer Length, of a write.
import { defineRule } from '../define-rule.js';
import { isScsi } from '../state.js';

/** R2T Desired Data Transfer Length <= MaxBurstLength and the range within EDTL of a write (RFC 7143 §11.8, §13.13). */
export const r2tBounds = defineRule({
  id: 'check/r2t-bounds', ref: 'rfc7143/11.8', level: 'MUST', side: 'target', appliesTo: ['R2t'],
  text: 'an R2T solicits at most MaxBurstLength bytes, inside the Expected Data Transfer Length of a write command',
  check(pdu, { task, state }) {
    if (!isScsi(task)) return undefined;
    const out: string[] = [];
    if (!task.write) out.push('R2T for a command without the W bit');
    if (pdu.desiredDataTransferLength > state.params.maxBurstLength)
      out.push(`Desired Data Transfer Length ${pdu.desiredDataTransferLength} exceeds MaxBurstLength ${state.params.maxBurstLength}`);
    const end = pdu.bufferOffset + pdu.desiredDataTransferLength;
    if (task.write && end > task.edtl) out.push(`R2T asks for bytes up to ${end}; Expected Data Transfer Length is ${task.edtl}`);
    return out.length ? out.join('; ') : undefined;
  },
});
