// The command window a target announces is never negative: MaxCmdSN >= ExpCmdSN - 1 in serial arithmetic.
import { defineRule } from '../define-rule.js';
import { snDiff } from '../serial.js';
import { cmdWindow } from '../statsn.js';

/** MaxCmdSN is not below ExpCmdSN - 1 (RFC 7143 §4.2.2.1: "The target MUST NOT transmit a MaxCmdSN that is less than ExpCmdSN - 1"). */
export const cmdsnWindowValid = defineRule({
  id: 'check/cmdsn-window-valid', ref: 'rfc7143/4.2.2.1', level: 'MUST', side: 'target', appliesTo: '*',
  text: 'the target never sends a MaxCmdSN less than ExpCmdSN - 1',
  check(pdu) {
    const w = cmdWindow(pdu);
    if (!w || snDiff(w.max, w.exp) >= -1) return undefined;
    return `MaxCmdSN ${w.max} is less than ExpCmdSN ${w.exp} - 1`;
  },
});
