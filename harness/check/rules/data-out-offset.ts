// Passive mode: with DataPDUInOrder=Yes, Data-Out PDUs of a sequence follow each other without gaps or overlap.
import { NO_TAG } from '../../pdu/types/codes.js';
import { defineRule } from '../define-rule.js';
import { isScsi } from '../state.js';

/**
 * Each Data-Out starts where the previous one of its sequence ended. RFC 7143 §11.8: with DataPDUInOrder=Yes "the
 * buffer offsets and lengths for consecutive PDUs MUST form a continuous non-overlapping range"; §13.18 for unsolicited.
 */
export const dataOutOffset = defineRule({
  id: 'check/data-out-offset', ref: 'rfc7143/11.8', level: 'MUST', side: 'initiator', appliesTo: ['DataOut'],
  text: 'with DataPDUInOrder=Yes each Data-Out starts where the previous one of its sequence ended',
  check(pdu, { task, state }) {
    if (!isScsi(task) || !state.params.dataPDUInOrder) return undefined;
    const seq = pdu.ttt === NO_TAG ? task.unsolicited : task.r2ts.find(r => r.ttt === pdu.ttt && !r.done);
    if (!seq) return undefined;
    const want = seq.nextOffset;
    return pdu.bufferOffset === want ? undefined
      : `Buffer Offset ${pdu.bufferOffset}; the sequence continues at ${want} (${pdu.bufferOffset > want ? 'gap' : 'overlap'})`;
  },
});
