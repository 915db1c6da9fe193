// A Discovery session carries only login, text (SendTargets), NOP and logout: no SCSI or task management traffic.
import { defineRule } from '../define-rule.js';

/** No SCSI Response, Data-In, R2T or TMF Response in a Discovery session (RFC 7143 §4.3). */
export const discoveryOpcode = defineRule({
  id: 'check/discovery-opcode', ref: 'rfc7143/4.3', level: 'MUST', side: 'target',
  appliesTo: ['ScsiResponse', 'DataIn', 'R2t', 'TaskManagementResponse'],
  text: 'a Discovery session has no SCSI commands, so the target sends no SCSI or TMF responses in it',
  check: (pdu, { state }) => (state.sessionType === 'Discovery' ? `${pdu.type} in a Discovery session` : undefined),
});
