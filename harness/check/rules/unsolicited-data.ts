// Passive mode: unsolicited data obeys ImmediateData, InitialR2T and FirstBurstLength.
import { NO_TAG } from '../../pdu/types/codes.js';
import { violation } from '../../violation.js';
import { defineRule } from '../define-rule.js';
import { isScsi } from '../state.js';

/**
 * Immediate data only with ImmediateData=Yes (RFC 7143 §13.11: "MUST NOT send unsolicited immediate data"); unsolicited
 * Data-Out only with InitialR2T=No (§11.8: the sides "MUST have negotiated the key InitialR2T to No"); all unsolicited
 * data of a command, immediate included, at most FirstBurstLength (§13.12: an initiator "MUST NOT send ... unsolicited
 * PDUs exceeding FirstBurstLength (or FirstBurstLength-Immediate Data Length if immediate data were sent)"; §13.14).
 */
export const unsolicitedData = defineRule({
  id: 'check/unsolicited-data', ref: 'rfc7143/13.12', level: 'MUST', side: 'initiator', appliesTo: ['ScsiCommand', 'DataOut'],
  text: 'unsolicited data is sent only where ImmediateData/InitialR2T allow it, and at most FirstBurstLength of it',
  check(pdu, { task, state }) {
    const p = state.params;
    if (state.phase !== 'ffp') return undefined;
    if (pdu.type === 'ScsiCommand') {
      if (pdu.data.length === 0) return undefined;
      if (!p.immediateData) return [violation('check/unsolicited-data', 'rfc7143/13.11', `${pdu.data.length} bytes of immediate data with ImmediateData=No`)];
      return pdu.data.length > p.firstBurstLength ? `${pdu.data.length} bytes of immediate data exceed FirstBurstLength ${p.firstBurstLength}` : undefined;
    }
    if (pdu.ttt !== NO_TAG || !isScsi(task)) return undefined;
    if (p.initialR2T) return [violation('check/unsolicited-data', 'rfc7143/11.8', 'unsolicited Data-Out (TTT 0xffffffff) with InitialR2T=Yes')];
    const total = task.unsolicited.bytes + pdu.data.length;
    return total > p.firstBurstLength && task.unsolicited.bytes <= p.firstBurstLength
      ? `unsolicited data reaches ${total} bytes; FirstBurstLength is ${p.firstBurstLength}` : undefined;
  },
});
