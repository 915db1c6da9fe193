// Which target PDUs use up a StatSN and which only carry the next one (RFC 7143 §4.2.2.2, §11.7, §11.8, §11.19).
import type { Pdu } from '../pdu/registry.js';
import { NO_TAG } from '../pdu/types/codes.js';

/**
 * 'advance': the PDU carries status and takes the next StatSN. 'carry': it holds the next StatSN without taking
 * it (R2T; a NOP-In with ITT 0xffffffff). 'none': the field is not meaningful (Data-In without S; failed login).
 */
export function statSNUse(pdu: Pdu): 'advance' | 'carry' | 'none' {
  switch (pdu.type) {
    case 'ScsiResponse': case 'TaskManagementResponse': case 'TextResponse': case 'LogoutResponse':
    case 'Reject': case 'AsyncMessage':
      return 'advance';
    case 'LoginResponse': return pdu.statusClass === 0 ? 'advance' : 'none';
    case 'DataIn': return pdu.statusPresent ? 'advance' : 'none';
    case 'NopIn': return pdu.itt === NO_TAG ? 'carry' : 'advance';
    case 'R2t': return 'carry';
    default: return 'none';
  }
}

/** The ExpCmdSN/MaxCmdSN a target PDU announces, when it has them and they mean something. */
export function cmdWindow(pdu: Pdu): { exp: number; max: number } | undefined {
  if (pdu.type === 'Raw' || !('expCmdSN' in pdu) || !('maxCmdSN' in pdu)) return undefined;
  if (pdu.type === 'LoginResponse' && pdu.statusClass !== 0) return undefined;
  return { exp: pdu.expCmdSN, max: pdu.maxCmdSN };
}
