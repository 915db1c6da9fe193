// The shape of one generator mode: a name, a line for --list-modes, and an arbitrary of whole scripts.
import fc from 'fast-check';
import { arbitraryOffers } from '../../text/arbitraries.js';
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

type LoginStep = Extract<Step, { op: 'login' }>;

/** Keys the login step owns (identity from the URL and the step itself), so an offer never repeats them. */
const OWNED = new Set(['InitiatorName', 'TargetName', 'SessionType']);

/**
 * The session's own login: mostly the step's default offer, sometimes a valid or boundary offer of operational keys
 * drawn from the key table. A conforming target must log in with any of them (so no `mayFail`), and the fuzzed steps
 * then run under other session parameters (burst and segment limits, digests, R2T and immediate data settings).
 * `rawBytes`: the body sends raw bytes, which carry no digests, so digests are not offered (they would desync it).
 */
export function arbitraryLogin(o: { rawBytes?: boolean } = {}): fc.Arbitrary<LoginStep> {
  const drop = o.rawBytes ? new Set([...OWNED, 'HeaderDigest', 'DataDigest']) : OWNED;
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<LoginStep>({ op: 'login' }) },
    { weight: 1, arbitrary: fc.constantFrom('valid', 'edge').chain(m => arbitraryOffers('initiator', 'operational', m as 'valid' | 'edge'))
      .map(pairs => ({ op: 'login' as const, keys: Object.fromEntries(pairs.filter(p => !drop.has(p.key)).map(p => [p.key, p.value])) })) },
  );
}

/** A logged-in session around fuzzed steps, ending with a disconnect and the liveness probe. */
export const inSession = (body: readonly Step[], login: LoginStep = { op: 'login' }): Step[] =>
  [{ op: 'connect' }, login, ...body, { op: 'disconnect' }, { op: 'probe' }];

/**
 * Most of the time a TEST UNIT READY first: the first command after a login takes the pending Unit Attention
 * (power on, or I_T nexus loss when a script session reinstates the previous one: SAM-5 §5.14, SPC-4 §5.12), so
 * without it the first fuzzed command of every script would only ever see CHECK CONDITION UNIT ATTENTION.
 */
export const arbitraryReady: fc.Arbitrary<Step[]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Step[]>([{ op: 'scsi', cdb: '000000000000' }]) },
  { weight: 1, arbitrary: fc.constant<Step[]>([]) },
);

/** Fuzzed bodies inside a session whose login is drawn by arbitraryLogin (and, with `ready`, a TUR first). */
export const inDrawnSession = (body: fc.Arbitrary<Step[]>, o: { rawBytes?: boolean; ready?: boolean } = {}): fc.Arbitrary<Step[]> =>
  fc.tuple(arbitraryLogin(o), o.ready ? arbitraryReady : fc.constant([]), body).map(([login, ready, steps]) => inSession([...ready, ...steps], login));

/** The NOP-Out ping used as a sync point after each fuzzed PDU (hang detection, §11.18). */
export const SYNC: Step = { op: 'nop' };

/** Leaves out the fields the session fills (itt, cmdSN, expStatSN) so fuzzed PDUs land inside the command window. */
export function withoutAuto<T extends Record<string, unknown>>(spec: T, keep: boolean): T {
  if (keep) return spec;
  const { itt: _i, cmdSN: _c, expStatSN: _e, ...rest } = spec;
  return rest as T;
}
