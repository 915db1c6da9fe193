// Passive mode: each non-immediate command's CmdSN lies in the window the target last announced.
import { defineRule } from '../define-rule.js';
import { snGt, snLt } from '../serial.js';

/** ExpCmdSN <= CmdSN <= MaxCmdSN for non-immediate commands (RFC 7143 §4.2.2.1; the target drops the others). */
export const cmdsnInWindow = defineRule({
  id: 'check/cmdsn-in-window', ref: 'rfc7143/4.2.2.1', level: 'MUST', side: 'initiator',
  appliesTo: ['ScsiCommand', 'TaskManagementRequest', 'TextRequest', 'LogoutRequest', 'NopOut'],
  text: 'a non-immediate command uses a CmdSN inside the window ExpCmdSN..MaxCmdSN',
  check(pdu, { state }) {
    const { expCmdSN: exp, maxCmdSN: max } = state;
    if (pdu.immediate || exp === undefined || max === undefined || state.phase !== 'ffp') return undefined;
    if (snLt(pdu.cmdSN, exp)) return `CmdSN ${pdu.cmdSN} is below ExpCmdSN ${exp}: that number was already used`;
    if (snGt(pdu.cmdSN, max)) return `CmdSN ${pdu.cmdSN} is beyond MaxCmdSN ${max}: the window is ${exp}..${max}`;
    return undefined;
  },
});
