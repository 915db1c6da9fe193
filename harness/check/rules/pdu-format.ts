// Context-free header rules (reserved bits, fixed fields, enums, flag combinations) on target PDUs: validatePdu.
import { validatePdu } from '../../pdu/registry.js';
import { defineRule } from '../define-rule.js';

/** Every target PDU passes the per-PDU validator (RFC 7143 §11; each finding keeps its own pdu/field rule id). */
export const pduFormat = defineRule({
  id: 'check/pdu-format', ref: 'rfc7143/11', level: 'MUST', side: 'target', appliesTo: '*',
  text: 'a target PDU has its reserved bits clear, fixed fields right and legal codes',
  check: pdu => validatePdu(pdu),
});
