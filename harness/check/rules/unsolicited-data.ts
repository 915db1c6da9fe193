// Passive mode: unsolicited data obeys ImmediateData, InitialR2T and FirstBurstLength.
import { NO_TAG } from '../../pdu/types/codes.js';
import { defineRule } from '../define-rule.js';
import { isScsi } from '../state.js';

/**
 * Immediate data only with ImmediateData=Yes (§13.11); unsolicited Data-Out only with InitialR2T=No (§13.10);
 * all unsolicited data of a command, immediate included, at most FirstBurstLength (§13.14).
 */
export const unsolicitedData = defineRule({
  id: 'check/unsolicited-data', ref: 'rfc7143/13.14', level: 'MUST', side: 'initiator', appliesTo: ['ScsiCommand', 'DataOut'],
  text: 'unsolicited data is sent only where ImmediateData/InitialR2T allow it, and at most FirstBurstLength of it',
  check(pdu, { task, state }) {
    const p = state.params;
    if (state.phase !== 'ffp') return undefined;
    if (pdu.type === 'ScsiCommand') {
      if (pdu.data.length === 0) return undefined;
      if (!p.immediateData) return `${pdu.data.length} bytes of immediate data with ImmediateData=No (rfc7143/13.11)`;
      return pdu.data.length > p.firstBurstLength ? `${pdu.data.length} bytes of immediate data exceed FirstBurstLength ${p.firstBurstLength}` : undefined;
    }
    if (pdu.ttt !== NO_TAG || !isScsi(task)) return undefined;
    if (p.initialR2T) return 'unsolicited Data-Out (TTT 0xffffffff) with InitialR2T=Yes (rfc7143/13.10)';
    const total = task.unsolicited.bytes + pdu.data.length;
    return total > p.firstBurstLength && task.unsolicited.bytes <= p.firstBurstLength
      ? `unsolicited data reaches ${total} bytes; FirstBurstLength is ${p.firstBurstLength}` : undefined;
  },
});
