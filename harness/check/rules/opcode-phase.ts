// Target PDUs that the connection's phase does not allow: anything but Login Response during login, anything after
// a failed login or a successful Logout Response, a Login Response in Full Feature Phase.
import { defineRule } from '../define-rule.js';

/** A target PDU is legal in the connection's current phase (RFC 7143 §6.3, §8.1). */
export const opcodePhase = defineRule({
  id: 'check/opcode-phase', ref: 'rfc7143/6.3', level: 'MUST', side: 'target', appliesTo: '*',
  text: 'during login the target sends only Login Responses; after a failed login or a Logout Response it sends nothing',
  check(pdu, { state }) {
    switch (state.phase) {
      case 'none': return undefined; // a capture that starts mid-session: nothing to judge against
      case 'login': return pdu.type === 'LoginResponse' ? undefined : `${pdu.type} during the Login Phase, where only Login Responses are allowed`;
      case 'failed': return `${pdu.type} after a Login Response with a non-zero Status-Class, which ends the login`;
      case 'logged-out': return `${pdu.type} after a successful Logout Response`;
      case 'ffp': return pdu.type === 'LoginResponse' ? 'Login Response in Full Feature Phase' : undefined;
    }
  },
});
