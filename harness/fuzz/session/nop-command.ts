// Session command: a NOP-Out ping (legal; every earlier PDU must have been handled when its NOP-In arrives).
import type fc from 'fast-check';
import type { SessionModel, StepSink } from './model.js';

/** Pings, optionally with data. */
export class NopCommand implements fc.Command<SessionModel, StepSink> {
  constructor(readonly data: string) {}
  check(m: Readonly<SessionModel>): boolean { return m.loggedIn; }
  run(_m: SessionModel, r: StepSink): void { r.steps.push(this.step()); }
  step() { return { op: 'nop' as const, ...(this.data ? { data: this.data } : {}) }; }
  toString(): string { return JSON.stringify(this.step()); }
}
