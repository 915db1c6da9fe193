// Passive mode: solicited Data-Out answers an open R2T of its task and stays inside the range it asked for.
import { NO_TAG } from '../../pdu/types/codes.js';
import { defineRule } from '../define-rule.js';
import { isScsi } from '../state.js';
import { hex8 } from './util.js';

/** Data-Out with a TTT stays within its R2T's offset and length, F on the last byte asked (RFC 7143 §11.7, §11.8). */
export const dataOutR2t = defineRule({
  id: 'check/data-out-r2t', ref: 'rfc7143/11.8', level: 'MUST', side: 'initiator', appliesTo: ['DataOut'],
  text: 'solicited Data-Out answers an outstanding R2T, inside its range, with F=1 exactly on the PDU that completes it',
  check(pdu, { task, state }) {
    if (pdu.ttt === NO_TAG) return undefined;
    if (!isScsi(task)) return state.lateJoin ? undefined : `Data-Out for ITT ${hex8(pdu.itt)}, which is no outstanding command`;
    const r = task.r2ts.find(x => x.ttt === pdu.ttt && !x.done);
    if (!r) return `Data-Out with TTT ${hex8(pdu.ttt)}, which no outstanding R2T of the task carries`;
    const out: string[] = [];
    const end = pdu.bufferOffset + pdu.data.length;
    if (pdu.bufferOffset < r.offset || end > r.offset + r.length)
      out.push(`bytes ${pdu.bufferOffset}..${end} fall outside the R2T's ${r.offset}..${r.offset + r.length}`);
    const complete = r.received + pdu.data.length >= r.length;
    if (pdu.final && !complete) out.push(`F=1 after ${r.received + pdu.data.length} of the ${r.length} bytes the R2T asked for`);
    if (!pdu.final && complete) out.push('the R2T\'s data is complete but F=0');
    return out.length ? out.join('; ') : undefined;
  },
});
