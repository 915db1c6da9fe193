// The shape of one generator mode: a name, a line for --list-modes, and an arbitrary of whole scripts.
import type fc from 'fast-check';
import type { Script, Step } from '../../script/schema.js';

/** What a mode may draw on besides fast-check. */
export interface ModeContext {
  /** Seed scripts (corpus/seeds) for the `seeds` mode. */
  seeds: readonly Script[];
  /** Steps per generated script at most (bounds run time). */
  maxBody: number;
  /** TargetName from the URL, for hand-built Login Requests. */
  targetName: string;
}

/** One generator mode. */
export interface FuzzMode {
  name: string;
  /** One or two sentences for `fuzz --list-modes`. */
  describe: string;
  /** Whole scripts: connect, login (unless the mode fuzzes login), fuzzed steps, then a liveness probe. */
  arbitrary(ctx: ModeContext): fc.Arbitrary<Step[]>;
}

/** A logged-in session around fuzzed steps, ending with a disconnect and the liveness probe. */
export const inSession = (body: readonly Step[]): Step[] => [{ op: 'connect' }, { op: 'login' }, ...body, { op: 'disconnect' }, { op: 'probe' }];

/** The NOP-Out ping used as a sync point after each fuzzed PDU (hang detection, §11.18). */
export const SYNC: Step = { op: 'nop' };

/** Leaves out the fields the session fills (itt, cmdSN, expStatSN) so fuzzed PDUs land inside the command window. */
export function withoutAuto<T extends Record<string, unknown>>(spec: T, keep: boolean): T {
  if (keep) return spec;
  const { itt: _i, cmdSN: _c, expStatSN: _e, ...rest } = spec;
  return rest as T;
}
