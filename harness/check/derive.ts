// Facts computed once per target PDU before the rules run: the verdict on a completed login/text answer.
import type { Pdu } from '../pdu/registry.js';
import { decodeText, type TextPair } from '../text/codec.js';
import { checkAnswers, type NegotiationOutcome } from '../text/negotiate.js';
import type { CheckState } from './state.js';

/** Derived facts for one PDU. */
export interface Derived {
  /** For the Login/Text Response that completes an answer: checkAnswers' outcome against the initiator's pairs. */
  negotiation?: NegotiationOutcome;
  /** The target's pairs of that answer. */
  theirPairs?: TextPair[];
}

/** Computes the derived facts of a target PDU against the state before it. */
export function deriveTarget(s: CheckState, pdu: Pdu): Derived {
  // A response to a Login Request with C=1 only asks for the rest of the text (§6.3): nothing is answered yet.
  if (pdu.type === 'LoginResponse' && !pdu.continue && pdu.statusClass === 0 && s.loginText.reqText.length === 0) {
    const pairs = decodeText(Buffer.concat([...s.loginText.respText, pdu.data])).pairs;
    return {
      theirPairs: pairs,
      negotiation: checkAnswers(s.loginText.offers, pairs, {
        us: 'initiator', phase: pdu.csg === 0 ? 'security' : 'operational', sessionType: s.sessionType ?? 'Normal',
        leading: (s.login.requestTsih ?? 0) === 0, negotiated: s.loginText.negotiated, current: s.params, final: pdu.transit,
      }),
    };
  }
  if (pdu.type === 'TextResponse' && pdu.final && !pdu.continue && s.text) {
    const pairs = decodeText(Buffer.concat([...s.text.respText, pdu.data]), { sendTargetsResponse: s.text.sendTargets }).pairs;
    return {
      theirPairs: pairs,
      negotiation: checkAnswers(s.text.offers, pairs, {
        us: 'initiator', phase: 'ffp', sessionType: s.sessionType ?? 'Normal', leading: false,
        negotiated: s.text.negotiated, current: s.params, final: true, sendTargetsResponse: s.text.sendTargets,
      }),
    };
  }
  return {};
}
