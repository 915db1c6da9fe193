// ExpCmdSN should not move backwards: the initiator ignores a smaller value, so it is stale information.
import { defineRule } from '../define-rule.js';
import { snDiff, snLt } from '../serial.js';
import { cmdWindow } from '../statsn.js';

/**
 * ExpCmdSN never goes back. SHOULD: RFC 7143 §4.2.2.1 puts no requirement on the target here; it only says a PDU
 * ExpCmdSN not greater than the local one "is ignored" by the initiator, because "updates may arrive out of order".
 */
export const expcmdsnMonotonic = defineRule({
  id: 'check/expcmdsn-monotonic', ref: 'rfc7143/4.2.2.1', level: 'SHOULD', side: 'target', appliesTo: '*',
  text: 'ExpCmdSN announced on a connection does not decrease',
  check(pdu, { state }) {
    const w = cmdWindow(pdu);
    if (!w || state.expCmdSN === undefined || snDiff(w.max, w.exp) < -1) return undefined;
    return snLt(w.exp, state.expCmdSN) ? `ExpCmdSN ${w.exp} is below the ${state.expCmdSN} announced before` : undefined;
  },
});
