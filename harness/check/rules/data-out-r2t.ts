// Passive mode: solicited Data-Out answers an open R2T of its task and stays inside the range it asked for.
import { NO_TAG } from '../../pdu/types/codes.js';
import { defineRule } from '../define-rule.js';
import { violation, type Violation } from '../../violation.js';
import { isScsi } from '../state.js';
import { hex8 } from './util.js';

/**
 * Data-Out with a TTT answers an R2T (§11.7.4: the TTT "is a replica of the Target Transfer Tag provided with the R2T")
 * and stays inside it (RFC 7143 §11.8: "the buffer offset and length MUST be within the range of those specified by the
 * R2T, and the last PDU MUST have the F bit set to 1"; a single PDU "MUST be the same as the Desired Data Transfer
 * Length"). F=1 before all the bytes after several PDUs is SHOULD: §11.8 only lets the target "MAY choose to reject that
 * PDU" (§11.4.7.2 reports it as "Incorrect amount of data").
 */
export const dataOutR2t = defineRule({
  id: 'check/data-out-r2t', ref: 'rfc7143/11.8', level: 'MUST', side: 'initiator', appliesTo: ['DataOut'],
  text: 'solicited Data-Out answers an outstanding R2T, inside its range, with F=1 exactly on the PDU that completes it',
  check(pdu, { task, state }) {
    if (pdu.ttt === NO_TAG) return undefined;
    if (!isScsi(task)) return state.lateJoin ? undefined : `Data-Out for ITT ${hex8(pdu.itt)}, which is no outstanding command`;
    const r = task.r2ts.find(x => x.ttt === pdu.ttt && !x.done);
    if (!r) return `Data-Out with TTT ${hex8(pdu.ttt)}, which no outstanding R2T of the task carries`;
    const out: Violation[] = [];
    const id = 'check/data-out-r2t';
    const end = pdu.bufferOffset + pdu.data.length;
    if (pdu.bufferOffset < r.offset || end > r.offset + r.length)
      out.push(violation(id, 'rfc7143/11.8', `bytes ${pdu.bufferOffset}..${end} fall outside the R2T's ${r.offset}..${r.offset + r.length}`));
    const complete = r.received + pdu.data.length >= r.length;
    if (pdu.final && !complete) {
      const msg = `F=1 after ${r.received + pdu.data.length} of the ${r.length} bytes the R2T asked for`;
      out.push(r.received === 0 ? violation(id, 'rfc7143/11.8', `${msg} in a single Data-Out`) : violation(id, 'rfc7143/11.8', msg, undefined, 'SHOULD'));
    }
    if (!pdu.final && complete) out.push(violation(id, 'rfc7143/11.8', 'the R2T\'s data is complete but F=0'));
    return out;
  },
});
