// The last Data-In before the command's status ends its sequence: F=1 on it.
import { defineRule } from '../define-rule.js';
import { isScsi } from '../state.js';

/** Status follows a Data-In with F=1, never one in the middle of a sequence (RFC 7143 §11.7.1: F "is 1 for the last input (read) data PDU of a sequence"; no keyword, it is the bit's definition). */
export const dataInFinal = defineRule({
  id: 'check/data-in-final', ref: 'rfc7143/11.7.1', level: 'MUST', side: 'target', appliesTo: ['ScsiResponse'],
  text: 'the last Data-In PDU of a command has the F bit set before the SCSI Response',
  check(_pdu, { task }) {
    if (!isScsi(task) || task.dataIn.count === 0 || task.dataIn.lastFinal) return undefined;
    return 'SCSI Response after a Data-In without the F bit: the Data-In sequence was never ended';
  },
});
