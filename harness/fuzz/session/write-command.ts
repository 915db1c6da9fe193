// Session command: WRITE(10) of a fill pattern to blocks inside the region (legal).
import type fc from 'fast-check';
import { BLOCK, rw10, type SessionModel, type StepSink } from './model.js';

/** Writes `blocks` blocks at `lba`, each filled with `fill`. */
export class WriteCommand implements fc.Command<SessionModel, StepSink> {
  constructor(readonly lba: number, readonly blocks: number, readonly fill: number) {}
  check(m: Readonly<SessionModel>): boolean { return m.loggedIn; }
  run(m: SessionModel, r: StepSink): void {
    r.steps.push(this.step());
    for (let i = 0; i < this.blocks; i++) m.written.set(this.lba + i, this.fill);
  }
  step() { return { op: 'scsi' as const, cdb: rw10(0x2a, this.lba, this.blocks), dataOut: Buffer.alloc(this.blocks * BLOCK, this.fill).toString('hex') }; }
  toString(): string { return JSON.stringify({ op: 'scsi', write10: { lba: this.lba, blocks: this.blocks, fill: this.fill } }); }
}
