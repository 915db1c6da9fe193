// A command gets one status: nothing more for its ITT after a SCSI Response or a Data-In with S=1.
import { defineRule } from '../define-rule.js';
import { hex8 } from './util.js';

/**
 * No SCSI Response, Data-In or R2T for a task whose status was sent. RFC 7143 §11.7.3: status may ride only on "the
 * last SCSI data packet sent from a target to an initiator for a SCSI command"; §4.1: the response phase returns "the
 * final status". No keyword: it is what status means. (A SNACK-requested copy at ERL > 0, §11.16, is not judged here.)
 */
export const statusOnce = defineRule({
  id: 'check/status-once', ref: 'rfc7143/11.7.3', level: 'MUST', side: 'target', appliesTo: ['ScsiResponse', 'DataIn', 'R2t'],
  text: 'after the status of a command (SCSI Response or Data-In with S) no further response PDU names its ITT',
  check(pdu, { state, task }) {
    if (task || state.reusedItts.has(pdu.itt)) return undefined;
    const done = state.finished.get(pdu.itt);
    return done?.kind === 'scsi' ? `${pdu.type} for ITT ${hex8(pdu.itt)} after its status was already sent` : undefined;
  },
});
