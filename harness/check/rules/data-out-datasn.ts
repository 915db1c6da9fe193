// Passive mode: Data-Out DataSN starts at 0 for each R2T (and for the unsolicited burst) and goes up by 1.
import { NO_TAG } from '../../pdu/types/codes.js';
import { defineRule } from '../define-rule.js';
import { snAdd } from '../serial.js';
import { isScsi } from '../state.js';

/** DataSN of Data-Out runs 0, 1, 2, ... within each sequence (RFC 7143 §4.2.2.4: Data and R2T PDUs "MUST be sequenced", §11.7). */
export const dataOutDatasn = defineRule({
  id: 'check/data-out-datasn', ref: 'rfc7143/4.2.2.4', level: 'MUST', side: 'initiator', appliesTo: ['DataOut'],
  text: 'the Data-Out PDUs answering one R2T (or the unsolicited ones) are numbered from 0 up by 1',
  check(pdu, { task }) {
    if (!isScsi(task)) return undefined;
    const seq = pdu.ttt === NO_TAG ? task.unsolicited : task.r2ts.find(r => r.ttt === pdu.ttt && !r.done);
    if (!seq) return undefined; // no such R2T is check/data-out-r2t
    const want = seq.lastDataSN === undefined ? 0 : snAdd(seq.lastDataSN, 1);
    return pdu.dataSN === want ? undefined : `DataSN ${pdu.dataSN}; this Data-Out of its sequence should be ${want}`;
  },
});
