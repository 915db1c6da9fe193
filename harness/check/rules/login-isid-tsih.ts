// A Login Response echoes the request's ISID; its TSIH is the request's for an existing session, or one new value.
import { defineRule } from '../define-rule.js';

/**
 * ISID echoed; TSIH constant once assigned, and equal to a non-zero request TSIH. SHOULD: RFC 7143 §11.13.3 says the
 * TSIH "should be set to the TSIH provided by the initiator" (lower case) and, for a new session, the target "MUST
 * generate a non-zero TSIH and ONLY return it in the Login Final-Response"; no sentence states the ISID echo.
 */
export const loginIsidTsih = defineRule({
  id: 'check/login-isid-tsih', ref: 'rfc7143/11.13.3', level: 'SHOULD', side: 'target', appliesTo: ['LoginResponse'],
  text: 'a Login Response echoes the ISID; the TSIH stays the value of an existing session, or one value once assigned',
  check(pdu, { state }) {
    const l = state.login;
    if (l.isid === undefined) return undefined;
    const out: string[] = [];
    if (BigInt(pdu.isid) !== BigInt(l.isid)) out.push(`ISID 0x${pdu.isid.toString(16)} differs from the request's 0x${l.isid.toString(16)}`);
    if (pdu.statusClass === 0 && pdu.tsih !== 0) {
      if (l.requestTsih) { if (pdu.tsih !== l.requestTsih) out.push(`TSIH ${pdu.tsih} differs from the session's ${l.requestTsih} named in the request`); }
      else if (l.tsih !== undefined && pdu.tsih !== l.tsih) out.push(`TSIH changed from ${l.tsih} to ${pdu.tsih} within one login`);
    }
    return out.length ? out.join('; ') : undefined;
  },
});
