// Session command: READ(10) over blocks the session wrote; the interpreter's data model compares them (the "data" oracle).
import type fc from 'fast-check';
import { BLOCK, rw10, type SessionModel, type StepSink } from './model.js';

/** Reads `blocks` blocks at `lba`. */
export class ReadCommand implements fc.Command<SessionModel, StepSink> {
  constructor(readonly lba: number, readonly blocks: number) {}
  // Any overlap with written blocks will do: the model compares those, and a read that also covers unwritten ones
  // (long reads across several bursts) still checks the written part.
  check(m: Readonly<SessionModel>): boolean {
    if (!m.loggedIn) return false;
    for (let i = 0; i < this.blocks; i++) if (m.written.has(this.lba + i)) return true;
    return false;
  }
  run(_m: SessionModel, r: StepSink): void { r.steps.push(this.step()); }
  step() { return { op: 'scsi' as const, cdb: rw10(0x28, this.lba, this.blocks), readLength: this.blocks * BLOCK }; }
  toString(): string { return JSON.stringify(this.step()); }
}
