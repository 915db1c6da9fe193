// Context-free header rules on initiator PDUs (passive mode): validatePdu.
import { validatePdu } from '../../pdu/registry.js';
import { defineRule } from '../define-rule.js';

/** Every initiator PDU passes the per-PDU validator (RFC 7143 §11; findings keep their pdu/field rule ids). */
export const initiatorPduFormat = defineRule({
  id: 'check/initiator-pdu-format', ref: 'rfc7143/11', level: 'MUST', side: 'initiator', appliesTo: '*',
  text: 'an initiator PDU has its reserved bits clear, fixed fields right and legal codes',
  check: pdu => validatePdu(pdu),
});
