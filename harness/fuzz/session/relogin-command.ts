// Session command: drop the connection (FIN or RST) and log in again; the written blocks must survive it.
import type fc from 'fast-check';
import type { SessionModel, StepSink } from './model.js';

/** Reconnects. */
export class ReloginCommand implements fc.Command<SessionModel, StepSink> {
  constructor(readonly reset: boolean) {}
  check(): boolean { return true; }
  run(m: SessionModel, r: StepSink): void {
    r.steps.push({ op: 'disconnect', ...(this.reset ? { reset: true } : {}) }, { op: 'connect' }, { op: 'login' });
    m.loggedIn = true;
  }
  toString(): string { return JSON.stringify({ op: 'relogin', reset: this.reset }); }
}
