// The target follows the initiator's stage request: same CSG, and T=1 only when the initiator asked to transit.
import { defineRule } from '../define-rule.js';

/** Response CSG = request CSG; T=1 only after a request with T=1, and NSG not past the request's (RFC 7143 §11.13.1, §6.3). */
export const loginTransit = defineRule({
  id: 'check/login-transit', ref: 'rfc7143/11.13.1', level: 'MUST', side: 'target', appliesTo: ['LoginResponse'],
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
