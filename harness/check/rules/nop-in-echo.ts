// A NOP-In answering a ping echoes its ITT and its ping data, with TTT 0xffffffff.
import { NO_TAG } from '../../pdu/types/codes.js';
import { defineRule } from '../define-rule.js';

/** The answer to a NOP-Out ping returns the same ping data and TTT 0xffffffff (RFC 7143 §11.19, §11.18). */
export const nopInEcho = defineRule({
  id: 'check/nop-in-echo', ref: 'rfc7143/11.19', level: 'MUST', side: 'target', appliesTo: ['NopIn'],
  text: 'a NOP-In answering a NOP-Out carries the ping data back unchanged and TTT 0xffffffff',
  check(pdu, { task }) {
    if (pdu.itt === NO_TAG || task?.kind !== 'nop') return undefined;
    const out: string[] = [];
    if (pdu.ttt !== NO_TAG) out.push('a NOP-In answering a ping has TTT 0xffffffff');
    if (task.ping && !task.ping.equals(pdu.data))
      out.push(`ping data not echoed: sent ${task.ping.length} bytes, got ${pdu.data.length} bytes${task.ping.length === pdu.data.length ? ' that differ' : ''}`);
    return out.length ? out.join('; ') : undefined;
  },
});
