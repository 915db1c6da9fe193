// The target follows the initiator's stage request: same CSG, and T=1 only when the initiator asked to transit.
import { defineRule } from '../define-rule.js';

/**
 * T=1 only after a request with T=1 (RFC 7143 §11.13.6: "the T bit MUST NOT be set to 1 if the T bit in the request was
 * set to 0"); NSG not past the request's (§6.3: "The selected NSG MUST NOT exceed the value stated by the initiator");
 * same CSG (§6.3: the exchange "carries the T bit and the same CSG code").
 */
export const loginTransit = defineRule({
  id: 'check/login-transit', ref: 'rfc7143/11.13.6', level: 'MUST', side: 'target', appliesTo: ['LoginResponse'],
  text: 'a Login Response keeps the request\'s current stage and transits only where the initiator asked to',
  check(pdu, { state }) {
    const l = state.login;
    if (l.csg === undefined || pdu.statusClass !== 0) return undefined;
    const out: string[] = [];
    if (pdu.csg !== l.csg) out.push(`CSG ${pdu.csg} differs from the request's ${l.csg}`);
    if (pdu.transit && !l.transit) out.push('T=1 answering a request with T=0');
    if (pdu.transit && l.transit && l.nsg !== undefined && pdu.nsg > l.nsg) out.push(`NSG ${pdu.nsg} is past the request's NSG ${l.nsg}`);
    return out.length ? out.join('; ') : undefined;
  },
});
