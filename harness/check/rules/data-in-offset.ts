// With DataPDUInOrder=Yes, Data-In PDUs cover the buffer in order: each starts where the previous one ended.
import { defineRule } from '../define-rule.js';
import { isScsi } from '../state.js';

/** Data-In Buffer Offsets are contiguous, no gaps or overlap (RFC 7143 §13.18, DataPDUInOrder=Yes). */
export const dataInOffset = defineRule({
  id: 'check/data-in-offset', ref: 'rfc7143/13.18', level: 'MUST', side: 'target', appliesTo: ['DataIn'],
  text: 'with DataPDUInOrder=Yes each Data-In starts where the previous one of the task ended',
  check(pdu, { task, state }) {
    if (!isScsi(task) || !state.params.dataPDUInOrder || (state.lateJoin && task.dataIn.count === 0)) return undefined;
    const want = task.dataIn.nextOffset;
    if (pdu.bufferOffset === want) return undefined;
    return `Buffer Offset ${pdu.bufferOffset}; the previous Data-In ended at ${want} (${pdu.bufferOffset > want ? 'gap' : 'overlap'})`;
  },
});
