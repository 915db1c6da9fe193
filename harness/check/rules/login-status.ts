// Login Status-Class/Status-Detail pairs are the ones RFC 7143 defines; success has detail 0.
import { LoginStatus } from '../../pdu/types/codes.js';
import { defineRule } from '../define-rule.js';

/**
 * Status-Detail is defined for its Status-Class. SHOULD: RFC 7143 §11.13.5 lists "all of the currently allocated
 * status codes" (success is 0000 only) but puts no MUST on using only those.
 */
export const loginStatus = defineRule({
  id: 'check/login-status', ref: 'rfc7143/11.13.5', level: 'SHOULD', side: 'target', appliesTo: ['LoginResponse'],
  text: 'a Login Response\'s Status-Class and Status-Detail are one of the pairs RFC 7143 allocates',
  check(pdu) {
    const code = (pdu.statusClass << 8) | pdu.statusDetail;
    if (pdu.statusClass > 3 || LoginStatus[code] !== undefined) return undefined; // class > 3 is field/login-status-class
    return `Status-Class ${pdu.statusClass} with Status-Detail 0x${pdu.statusDetail.toString(16).padStart(2, '0')} is not defined`;
  },
});
