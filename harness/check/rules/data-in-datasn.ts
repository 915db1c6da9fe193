// Data-In DataSN of a task starts at 0 and goes up by 1 per PDU (shared with R2TSN for bidirectional commands).
import { defineRule } from '../define-rule.js';
import { isScsi } from '../state.js';

/** DataSN of Data-In runs 0, 1, 2, ... per task (RFC 7143 §4.2.2.4: Data and R2T PDUs "MUST be sequenced", §11.7). */
export const dataInDatasn = defineRule({
  id: 'check/data-in-datasn', ref: 'rfc7143/4.2.2.4', level: 'MUST', side: 'target', appliesTo: ['DataIn'],
  text: 'the Data-In PDUs of a command are numbered from 0 up by 1',
  check(pdu, { task, state }) {
    if (!isScsi(task) || (state.lateJoin && task.dataIn.count === 0)) return undefined;
    const want = task.dataIn.nextDataSN;
    return pdu.dataSN === want ? undefined : `DataSN ${pdu.dataSN}; this Data-In of the task should be ${want}`;
  },
});
