// Passive mode: each non-immediate command's CmdSN lies in the window the target last announced.
import { defineRule } from '../define-rule.js';
import { snGt, snLt } from '../serial.js';

/**
 * ExpCmdSN <= CmdSN <= MaxCmdSN for non-immediate commands. SHOULD: RFC 7143 §4.2.2.1 only says the CmdSN "can take
 * any value from the ExpCmdSN to the MaxCmdSN inclusive" and puts the MUST on the target ("MUST silently ignore any
 * non-immediate command outside of this range"); a retried command (§7.2.1) legitimately reuses an acknowledged CmdSN.
 */
export const cmdsnInWindow = defineRule({
  id: 'check/cmdsn-in-window', ref: 'rfc7143/4.2.2.1', level: 'SHOULD', side: 'initiator',
  appliesTo: ['ScsiCommand', 'TaskManagementRequest', 'TextRequest', 'LogoutRequest', 'NopOut'],
  text: 'a non-immediate command carries a CmdSN inside the window ExpCmdSN..MaxCmdSN; the target silently ignores the others',
  check(pdu, { state }) {
    const { expCmdSN: exp, maxCmdSN: max } = state;
    if (pdu.immediate || exp === undefined || max === undefined || state.phase !== 'ffp') return undefined;
    if (snLt(pdu.cmdSN, exp)) return `CmdSN ${pdu.cmdSN} is below ExpCmdSN ${exp}: that number was already used`;
    if (snGt(pdu.cmdSN, max)) return `CmdSN ${pdu.cmdSN} is beyond MaxCmdSN ${max}: the window is ${exp}..${max}`;
    return undefined;
  },
});
