// Target PDUs that the connection's phase does not allow: anything but Login Response during login, anything after
// a failed login or a successful Logout Response, a Login Response in Full Feature Phase.
import { defineRule } from '../define-rule.js';

/**
 * A target PDU is legal in the connection's current phase. RFC 7143 §4.2.4: "Before the Full Feature Phase is
 * established, only Login Request and Login Response PDUs are allowed. Login Requests and Responses MUST be used
 * exclusively during login"; §11.13.5: on a non-zero Status-Class both sides "MUST close the TCP connection"; §11.14:
 * after the Logout Response the target half-closes the connection.
 */
export const opcodePhase = defineRule({
  id: 'check/opcode-phase', ref: 'rfc7143/4.2.4', level: 'MUST', side: 'target', appliesTo: '*',
  text: 'Login Responses only during login and never after it; nothing after a failed login or a Logout Response',
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
