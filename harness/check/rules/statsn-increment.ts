// StatSN on a connection: each status-bearing PDU takes the next number; R2T and unsolicited NOP-In carry it.
import { defineRule } from '../define-rule.js';
import { statSNUse } from '../statsn.js';

/** StatSN goes up by exactly 1 per status-bearing PDU (RFC 7143 §4.2.2.2; R2T §11.8, NOP-In §11.19 carry it). */
export const statsnIncrement = defineRule({
  id: 'check/statsn-increment', ref: 'rfc7143/4.2.2.2', level: 'MUST', side: 'target', appliesTo: '*',
  text: 'StatSN increments by 1 for each status sent on the connection; R2T and unsolicited NOP-In hold the next value without taking it',
  check(pdu, { state }) {
    const use = statSNUse(pdu);
    if (use === 'none' || state.statSN === undefined || !('statSN' in pdu)) return undefined;
    if (pdu.statSN === state.statSN) return undefined;
    const what = use === 'carry' ? 'carries' : 'takes';
    return `${pdu.type} ${what} StatSN ${pdu.statSN}; the next StatSN is ${state.statSN}`;
  },
});
