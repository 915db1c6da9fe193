// With DataPDUInOrder=Yes, Data-In PDUs cover the buffer in order: each starts where the previous one ended.
import { defineRule } from '../define-rule.js';
import { isScsi } from '../state.js';

/**
 * Data-In Buffer Offsets are contiguous, no gaps or overlap. RFC 7143 §13.18: with DataPDUInOrder=Yes "data PDUs within
 * sequences have to be at continuously increasing addresses and overlays are forbidden" (no BCP 14 keyword; §11.7.6 says
 * the same). Across a sequence boundary only DataSequenceInOrder=Yes orders them (§13.19 MUST), so with No the first
 * PDU of a new sequence is not judged.
 */
export const dataInOffset = defineRule({
  id: 'check/data-in-offset', ref: 'rfc7143/13.18', level: 'MUST', side: 'target', appliesTo: ['DataIn'],
  text: 'with DataPDUInOrder=Yes each Data-In starts where the previous one ended (across sequences only with DataSequenceInOrder=Yes)',
  check(pdu, { task, state }) {
    if (!isScsi(task) || !state.params.dataPDUInOrder || (state.lateJoin && task.dataIn.count === 0)) return undefined;
    if (!state.params.dataSequenceInOrder && task.dataIn.lastFinal) return undefined; // a new sequence may start anywhere
    const want = task.dataIn.nextOffset;
    if (pdu.bufferOffset === want) return undefined;
    return `Buffer Offset ${pdu.bufferOffset}; the previous Data-In ended at ${want} (${pdu.bufferOffset > want ? 'gap' : 'overlap'})`;
  },
});
