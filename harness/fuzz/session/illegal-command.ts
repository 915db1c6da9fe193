// Session command: one illegal PDU (near-valid, mutated) followed by a ping; a desyncing mutation ends the connection.
import type fc from 'fast-check';
import type { Step } from '../../script/schema.js';
import type { Mutated } from '../mutators.js';
import type { SessionModel, StepSink } from './model.js';

/** Sends a fuzzed PDU. */
export class IllegalCommand implements fc.Command<SessionModel, StepSink> {
  constructor(readonly m: Mutated) {}
  check(m: Readonly<SessionModel>): boolean { return m.loggedIn; }
  run(m: SessionModel, r: StepSink): void {
    r.steps.push(...this.m.steps);
    if (this.m.desync) { r.steps.push({ op: 'wait', ms: 20 }, { op: 'disconnect', reset: true }); m.loggedIn = false; }
    else r.steps.push({ op: 'nop' } as Step);
  }
  toString(): string { return JSON.stringify(this.m.steps); }
}
