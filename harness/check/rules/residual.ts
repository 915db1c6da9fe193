// Residual flags and count agree with the Expected Data Transfer Length and the data a successful read moved.
import type { Pdu } from '../../pdu/registry.js';
import { defineRule } from '../define-rule.js';
import { isScsi, type ScsiTask } from '../state.js';

/** Bytes moved for the task including this PDU, when the direction is simple enough to know it. */
function moved(t: ScsiTask, pdu: Pdu): number | undefined {
  if (t.read && t.write) return undefined; // bidirectional: two residuals, not tracked
  if (t.read) return t.dataIn.bytes + (pdu.type === 'DataIn' ? pdu.data.length : 0);
  // A write's residual is EDTL against SPDTL, what the SCSI layer wanted, which the wire does not show:
  // unsolicited data may carry more than that, so the bytes the initiator pushed prove nothing.
  if (t.write) return undefined;
  return 0;
}

/**
 * U means the count is EDTL minus what moved; O means the target wanted more than EDTL, so all of EDTL moved;
 * with neither, a completed GOOD command moved exactly EDTL. RFC 7143 §11.4.5.2: if SPDTL < EDTL "iSCSI Underflow MUST
 * be signaled" and "The Residual Count MUST be set to the numerical value of (EDTL - SPDTL)"; likewise Overflow.
 */
export const residual = defineRule({
  id: 'check/residual', ref: 'rfc7143/11.4.5.2', level: 'MUST', side: 'target', appliesTo: ['ScsiResponse', 'DataIn'],
  text: 'O/U flags and Residual Count agree with Expected Data Transfer Length and the data transferred',
  check(pdu, { task }) {
    if (!isScsi(task)) return undefined;
    if (pdu.type === 'DataIn' && !pdu.statusPresent) return undefined;
    if (pdu.type === 'ScsiResponse' && pdu.response !== 0) return undefined; // residuals only mean something when completed
    // Only a successful read shows SPDTL on the wire (the data sent); after an error status the SCSI layer may
    // have presented a length it never transferred (§11.4.5.2 defines the residual against SPDTL).
    if (pdu.status !== 0x00 && pdu.status !== 0x04) return undefined;
    const n = moved(task, pdu);
    if (n === undefined || n > task.edtl) return undefined; // beyond EDTL is check/data-in-within-edtl
    const short = task.edtl - n;
    if (pdu.underflow && pdu.residualCount !== short)
      return `U set with Residual Count ${pdu.residualCount}; Expected Data Transfer Length ${task.edtl} minus ${n} transferred is ${short}`;
    if (pdu.overflow && short !== 0) return `O set but only ${n} of ${task.edtl} expected bytes were transferred`;
    if (!pdu.underflow && !pdu.overflow && short !== 0 && pdu.status === 0)
      return `GOOD status with ${n} of ${task.edtl} expected bytes transferred and no U bit (residual ${short})`;
    return undefined;
  },
});
