// R2TSN of a task starts at 0 and goes up by 1 per R2T (shared with DataSN for bidirectional commands).
import { defineRule } from '../define-rule.js';
import { isScsi } from '../state.js';

/** R2TSN runs 0, 1, 2, ... per task (RFC 7143 §4.2.2.4: Data and R2T PDUs "MUST be sequenced", §11.8). */
export const r2tsnSequence = defineRule({
  id: 'check/r2tsn-sequence', ref: 'rfc7143/4.2.2.4', level: 'MUST', side: 'target', appliesTo: ['R2t'],
  text: 'the R2Ts of a command are numbered from 0 up by 1',
  check(pdu, { task }) {
    if (!isScsi(task)) return undefined;
    return pdu.r2tSN === task.nextR2TSN ? undefined : `R2TSN ${pdu.r2tSN}; this R2T of the task should be ${task.nextR2TSN}`;
  },
});
