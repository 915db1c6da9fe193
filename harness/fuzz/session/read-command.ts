// Session command: READ(10) of blocks the session wrote; the interpreter's data model compares them (the "data" oracle).
import type fc from 'fast-check';
import { BLOCK, rw10, type SessionModel, type StepSink } from './model.js';

/** Reads `blocks` blocks at `lba`. */
export class ReadCommand implements fc.Command<SessionModel, StepSink> {
  constructor(readonly lba: number, readonly blocks: number) {}
  check(m: Readonly<SessionModel>): boolean { return m.loggedIn && m.written.has(this.lba); }
  run(_m: SessionModel, r: StepSink): void { r.steps.push(this.step()); }
  step() { return { op: 'scsi' as const, cdb: rw10(0x28, this.lba, this.blocks), readLength: this.blocks * BLOCK }; }
  toString(): string { return JSON.stringify(this.step()); }
}
