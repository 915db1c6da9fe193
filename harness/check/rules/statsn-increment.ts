// StatSN on a connection: each status-bearing PDU takes the next number; R2T and unsolicited NOP-In carry it.
import { defineRule } from '../define-rule.js';
import { statSNUse } from '../statsn.js';

/**
 * StatSN goes up by exactly 1 per status-bearing PDU. RFC 7143 §11.4.9: "The StatSN is incremented by 1 for every
 * response/status sent on a connection" (§4.2.2.2: targets "MUST support the response-numbering scheme"); R2T (§11.8.3)
 * and an unsolicited NOP-In (§11.19.2) carry the next StatSN without advancing it.
 */
export const statsnIncrement = defineRule({
  id: 'check/statsn-increment', ref: 'rfc7143/11.4.9', level: 'MUST', side: 'target', appliesTo: '*',
  text: 'StatSN increments by 1 for each status sent on the connection; R2T and unsolicited NOP-In hold the next value without taking it',
  check(pdu, { state }) {
    const use = statSNUse(pdu);
    if (use === 'none' || state.statSN === undefined || !('statSN' in pdu)) return undefined;
    if (pdu.statSN === state.statSN) return undefined;
    const what = use === 'carry' ? 'carries' : 'takes';
    return `${pdu.type} ${what} StatSN ${pdu.statSN}; the next StatSN is ${state.statSN}`;
  },
});
