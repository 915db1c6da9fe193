// A NOP-In answering a ping echoes its ITT and its ping data, with TTT 0xffffffff.
import { NO_TAG } from '../../pdu/types/codes.js';
import { defineRule } from '../define-rule.js';

/**
 * The answer to a NOP-Out ping returns its ping data and TTT 0xffffffff. RFC 7143 §11.19: the target "MUST also
 * duplicate up to the first MaxRecvDataSegmentLength bytes of the initiator-provided Ping Data. For such a response,
 * the Target Transfer Tag MUST be 0xffffffff."
 */
export const nopInEcho = defineRule({
  id: 'check/nop-in-echo', ref: 'rfc7143/11.19', level: 'MUST', side: 'target', appliesTo: ['NopIn'],
  text: 'a NOP-In answering a NOP-Out carries back the ping data (up to MaxRecvDataSegmentLength) and TTT 0xffffffff',
  check(pdu, { task, state }) {
    if (pdu.itt === NO_TAG || task?.kind !== 'nop') return undefined;
    const out: string[] = [];
    if (pdu.ttt !== NO_TAG) out.push('a NOP-In answering a ping has TTT 0xffffffff');
    // Only the first MaxRecvDataSegmentLength bytes (the initiator's; 8192 during login) come back.
    const ping = task.ping?.subarray(0, state.phase === 'ffp' ? state.params.maxRecvDataSegmentLength.initiator : 8192);
    if (ping && !ping.equals(pdu.data))
      out.push(`ping data not echoed: expected ${ping.length} bytes back, got ${pdu.data.length} bytes${ping.length === pdu.data.length ? ' that differ' : ''}`);
    return out.length ? out.join('; ') : undefined;
  },
});
