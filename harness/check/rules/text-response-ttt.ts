// A final Text Response (F=1) closes the exchange: its Target Transfer Tag is the reserved 0xffffffff.
import { NO_TAG } from '../../pdu/types/codes.js';
import { defineRule } from '../define-rule.js';
import { hex8 } from './util.js';

/** TTT is 0xffffffff on a Text Response with F=1 (RFC 7143 §11.11.1: "A Text Response with the F bit set to 1 MUST have a Target Transfer Tag field set to the reserved value 0xffffffff"). */
export const textResponseTtt = defineRule({
  id: 'check/text-response-ttt', ref: 'rfc7143/11.11.1', level: 'MUST', side: 'target', appliesTo: ['TextResponse'],
  text: 'the final Text Response of an exchange carries TTT 0xffffffff',
  check: pdu => (pdu.final && pdu.ttt !== NO_TAG ? `final Text Response with TTT ${hex8(pdu.ttt)}` : undefined),
});
