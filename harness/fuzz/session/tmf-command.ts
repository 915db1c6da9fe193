// Session command: a Task Management Request (any function, any referenced tag) on the session's LUN; legal framing.
import type fc from 'fast-check';
import type { SessionModel, StepSink } from './model.js';

/** Sends a TMF and pings. */
export class TmfCommand implements fc.Command<SessionModel, StepSink> {
  constructor(readonly fn: number, readonly ref: number) {}
  check(m: Readonly<SessionModel>): boolean { return m.loggedIn; }
  run(_m: SessionModel, r: StepSink): void {
    r.steps.push({ op: 'send', pdu: { type: 'TaskManagementRequest', immediate: true, final: true, function: this.fn, referencedTaskTag: this.ref } }, { op: 'nop' });
  }
  toString(): string { return JSON.stringify({ op: 'tmf', function: this.fn, referencedTaskTag: this.ref }); }
}
