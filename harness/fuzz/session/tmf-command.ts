// Session command: a Task Management Request (any function, any referenced tag) on the session's LUN; legal framing.
import type fc from 'fast-check';
import type { SessionModel, StepSink } from './model.js';

const TARGET_COLD_RESET = 7;

/** Sends a TMF and pings. */
export class TmfCommand implements fc.Command<SessionModel, StepSink> {
  constructor(readonly fn: number, readonly ref: number) {}
  check(m: Readonly<SessionModel>): boolean { return m.loggedIn; }
  run(m: SessionModel, r: StepSink): void {
    r.steps.push({ op: 'send', pdu: { type: 'TaskManagementRequest', immediate: true, final: true, function: this.fn, referencedTaskTag: this.ref } });
    if (this.fn !== TARGET_COLD_RESET) { r.steps.push({ op: 'nop' }); return; }
    // §11.5.1: a TARGET COLD RESET is a power-on event that terminates every connection, so its response "may not be
    // reliably delivered": the answer or the close, then a new session (written blocks survive, as on a disk).
    r.steps.push(
      { op: 'expect', oneOf: [{ pdu: { type: 'TaskManagementResponse' } }, { closed: true }], ref: 'rfc7143/11.5.1' },
      { op: 'disconnect' }, { op: 'connect' }, { op: 'login' },
    );
    m.loggedIn = true;
  }
  toString(): string { return JSON.stringify({ op: 'tmf', function: this.fn, referencedTaskTag: this.ref }); }
}
