// Every target response names, by ITT, an outstanding initiator task of the kind it answers.
import { NO_TAG } from '../../pdu/types/codes.js';
import { defineRule } from '../define-rule.js';
import type { Task } from '../state.js';
import { hex8 } from './util.js';

const answers: Record<string, Task['kind']> = {
  ScsiResponse: 'scsi', DataIn: 'scsi', R2t: 'scsi', TaskManagementResponse: 'tmf', TextResponse: 'text',
  LogoutResponse: 'logout', LoginResponse: 'login', NopIn: 'nop',
};

/**
 * A response's ITT echoes an outstanding task of the right kind. RFC 7143 §11.2.1.8: "While a task exists, this tag
 * MUST uniquely identify the task session-wide"; §4.2.5.3 calls inconsistent task fields a protocol error.
 */
export const ittKnown = defineRule({
  id: 'check/itt-known', ref: 'rfc7143/11.2.1.8', level: 'MUST', side: 'target',
  appliesTo: ['ScsiResponse', 'DataIn', 'R2t', 'TaskManagementResponse', 'TextResponse', 'LogoutResponse', 'LoginResponse', 'NopIn'],
  text: 'a response carries the Initiator Task Tag of an outstanding request it answers',
  check(pdu, { state, task }) {
    if (pdu.type === 'NopIn' && pdu.itt === NO_TAG) return undefined; // unsolicited ping, no task
    if (pdu.type === 'LoginResponse' && state.phase === 'failed') return undefined;
    const want = answers[pdu.type]!;
    if (task) return task.kind === want ? undefined : `ITT ${hex8(pdu.itt)} names a ${task.kind} task, not a ${want} one`;
    if (state.finished.has(pdu.itt) || state.lateJoin) return undefined; // repeated status is check/status-once
    return `ITT ${hex8(pdu.itt)} matches no outstanding ${want} request`;
  },
});
