// The model of a fuzzed session (fc.commands): what was written where, and whether we are logged in.
// Commands write it; their `run` appends JSON steps to a StepSink, so the shrunk command list IS a script.
import type { Step } from '../../script/schema.js';

/** What the model knows. */
export interface SessionModel {
  /** Fill byte of each block written in this session (a READ must give it back). */
  written: Map<number, number>;
  loggedIn: boolean;
}

/** Collects the steps commands produce. */
export interface StepSink { steps: Step[] }

/** Blocks the session fuzzes in (small, so reads hit writes often). */
export const REGION_BLOCKS = 64;
/** Bytes per block the session assumes (the reference target's default LUN). */
export const BLOCK = 512;

/** A READ(10)/WRITE(10) CDB as hex. */
export function rw10(op: 0x28 | 0x2a, lba: number, blocks: number): string {
  const b = Buffer.alloc(10);
  b[0] = op; b.writeUInt32BE(lba, 2); b.writeUInt16BE(blocks, 7);
  return b.toString('hex');
}
