// ExpCmdSN cannot acknowledge commands that were never sent; immediate commands do not advance it.
import { defineRule } from '../define-rule.js';
import { snDiff, snGt } from '../serial.js';
import { cmdWindow } from '../statsn.js';

/**
 * ExpCmdSN is at most one past the last non-immediate CmdSN sent. RFC 7143 §4.2.2.1: the target "sets the ExpCmdSN to
 * the largest non-immediate CmdSN that it can deliver for execution plus 1" and "There MUST NOT be any holes in the
 * acknowledged CmdSN sequence"; acknowledging a CmdSN never sent is such a hole.
 */
export const expcmdsnBound = defineRule({
  id: 'check/expcmdsn-bound', ref: 'rfc7143/4.2.2.1', level: 'MUST', side: 'target', appliesTo: '*',
  text: 'ExpCmdSN does not run ahead of the commands the initiator sent; immediate commands do not advance it',
  check(pdu, { state }) {
    const w = cmdWindow(pdu);
    if (!w || state.cmdSNBound === undefined || state.lateJoin || snDiff(w.max, w.exp) < -1) return undefined;
    return snGt(w.exp, state.cmdSNBound)
      ? `ExpCmdSN ${w.exp} acknowledges commands never sent: the initiator's next CmdSN is ${state.cmdSNBound}` : undefined;
  },
});
