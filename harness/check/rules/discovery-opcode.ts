// A Discovery session carries only login, text (SendTargets), NOP and logout: no SCSI or task management traffic.
import { defineRule } from '../define-rule.js';

/**
 * No SCSI Response, Data-In, R2T or TMF Response in a Discovery session. SHOULD: RFC 7143 §7.4.3 "Targets SHOULD NOT
 * send any responses other than a Text Response and Logout Response on a Discovery session, once in the Full Feature
 * Phase" (§4.3 has the target reject every other request).
 */
export const discoveryOpcode = defineRule({
  id: 'check/discovery-opcode', ref: 'rfc7143/7.4.3', level: 'SHOULD', side: 'target',
  appliesTo: ['ScsiResponse', 'DataIn', 'R2t', 'TaskManagementResponse'],
  text: 'in a Discovery session the target answers with Text and Logout Responses only, never SCSI or TMF responses',
  check: (pdu, { state }) => (state.sessionType === 'Discovery' ? `${pdu.type} in a Discovery session` : undefined),
});
