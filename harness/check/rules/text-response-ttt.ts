// A final Text Response (F=1) closes the exchange: its Target Transfer Tag is the reserved 0xffffffff.
import { NO_TAG } from '../../pdu/types/codes.js';
import { defineRule } from '../define-rule.js';
import { hex8 } from './util.js';

/** TTT is 0xffffffff on a Text Response with F=1 (RFC 7143 §11.11.4). */
export const textResponseTtt = defineRule({
  id: 'check/text-response-ttt', ref: 'rfc7143/11.11.4', level: 'MUST', side: 'target', appliesTo: ['TextResponse'],
  text: 'the final Text Response of an exchange carries TTT 0xffffffff',
  check: pdu => (pdu.final && pdu.ttt !== NO_TAG ? `final Text Response with TTT ${hex8(pdu.ttt)}` : undefined),
});
