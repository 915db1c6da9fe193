// The target's login and text answers obey the negotiation rules (harness/text checkAnswers against our offers).
import { defineRule } from '../define-rule.js';

/** Every rule of RFC 7143 §6.2-§6.4, §12, §13 the target's answers break; findings keep their text/... ids. */
export const negotiation = defineRule({
  id: 'check/negotiation', ref: 'rfc7143/6.2', level: 'MUST', side: 'target', appliesTo: ['LoginResponse', 'TextResponse'],
  text: 'login and text answers follow the key negotiation rules',
  check: (_pdu, { derived }) => derived.negotiation?.violations ?? [],
});
