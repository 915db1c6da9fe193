// CHAP for the target side (RFC 7143 §12.1.3, RFC 1994): challenge, verify CHAP_R, answer a mutual challenge.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { TextPair } from '../../harness/text/codec.js';
import { formatBinary, parseBinary, parseNumerical } from '../../harness/text/codec.js';
import type { ChapCredentials } from '../config.js';
import type { FaultSet } from '../faults/define.js';
import { fail, Status, type LoginFailure } from './status.js';

/** CHAP_A algorithm numbers (IANA PPP authentication algorithms) and their hashes; 5 (MD5) is mandatory. */
export const CHAP_ALGORITHMS: Readonly<Record<string, { hash: string; size: number }>> = {
  5: { hash: 'md5', size: 16 }, 6: { hash: 'sha1', size: 20 }, 7: { hash: 'sha256', size: 32 }, 8: { hash: 'sha3-256', size: 32 },
};

/** Largest CHAP_C we accept from an initiator (§12.1.3: binary value of at most 1024 bytes). */
export const MAX_CHAP_C = 1024;

/** Remembers challenges handed out, so that none is ever issued twice (§9.2.1) and none is reflected back. */
export class ChallengeLedger {
  private seen = new Set<string>();
  constructor(private readonly cap = 65536) {}

  /** A fresh random challenge of `size` bytes, never returned before. */
  issue(size: number): Buffer {
    for (;;) {
      const c = randomBytes(size);
      const key = c.toString('hex');
      if (this.seen.has(key)) continue;
      if (this.seen.size >= this.cap) this.seen.delete(this.seen.values().next().value!);
      this.seen.add(key);
      return c;
    }
  }

  /** True when `c` is a challenge this target issued (a reflection, §9.2.1). */
  isOurs(c: Buffer): boolean {
    return this.seen.has(c.toString('hex'));
  }
}

/** The CHAP response: H(identifier || secret || challenge) (RFC 1994 §4.1). */
export function chapResponse(algorithm: string, id: number, secret: string, challenge: Buffer): Buffer {
  const h = createHash(CHAP_ALGORITHMS[algorithm]!.hash);
  h.update(Buffer.from([id & 0xff]));
  h.update(Buffer.from(secret, 'utf8'));
  h.update(challenge);
  return h.digest();
}

/** What one CHAP step produced: keys to send, or a failure; `done` when the initiator is authenticated. */
export interface ChapStep {
  answers: TextPair[];
  failure?: LoginFailure;
  done?: boolean;
}

const get = (pairs: readonly TextPair[], key: string): string | undefined => pairs.find(p => p.key === key)?.value;

/** The target's side of one CHAP exchange on one connection. */
export class ChapAuthenticator {
  private state: 'wait-a' | 'wait-nr' | 'done' = 'wait-a';
  private algorithm = '5';
  private id = 0;
  private challenge: Buffer = Buffer.alloc(0);

  constructor(private readonly creds: ChapCredentials, private readonly mutual: ChapCredentials | undefined,
    private readonly ledger: ChallengeLedger, private readonly faults: FaultSet) {}

  /** Feeds one login request's keys; `chapA` is the CHAP_A answer the negotiation engine chose, if any. */
  step(pairs: readonly TextPair[], chapA: string | undefined): ChapStep {
    if (this.state === 'wait-a') return this.challengeStep(chapA);
    if (this.state === 'wait-nr') return this.verifyStep(pairs);
    return { answers: [], failure: fail(Status.initiatorError, 'CHAP keys after authentication completed') };
  }

  /** True once CHAP_A has been settled and a challenge sent (the next request must carry CHAP_N/CHAP_R). */
  get challenged(): boolean {
    return this.state !== 'wait-a';
  }

  // Step 1: CHAP_A settled -> send CHAP_I and a fresh CHAP_C sized to the digest (§12.1.3).
  private challengeStep(chapA: string | undefined): ChapStep {
    if (chapA === undefined) return { answers: [] }; // still waiting for CHAP_A
    if (!CHAP_ALGORITHMS[chapA]) return { answers: [], failure: fail(Status.authenticationFailure, `no CHAP_A we support (got answer ${chapA})`) };
    this.algorithm = chapA;
    this.id = randomInt(256);
    this.challenge = this.ledger.issue(Math.max(16, CHAP_ALGORITHMS[chapA]!.size));
    this.state = 'wait-nr';
    return { answers: [{ key: 'CHAP_I', value: String(this.id) }, { key: 'CHAP_C', value: formatBinary(this.challenge, 'hex') }] };
  }

  // Step 2: verify CHAP_N/CHAP_R; with CHAP_I/CHAP_C the initiator wants us authenticated too (mutual).
  private verifyStep(pairs: readonly TextPair[]): ChapStep {
    const n = get(pairs, 'CHAP_N'), r = get(pairs, 'CHAP_R');
    if (n === undefined || r === undefined) {
      if (pairs.length === 0) return { answers: [] };
      return { answers: [], failure: fail(Status.missingParameter, 'CHAP_N or CHAP_R missing after the challenge') };
    }
    const got = parseBinary(r);
    const want = chapResponse(this.algorithm, this.id, this.creds.secret, this.challenge);
    const ok = n === this.creds.user && got !== undefined && got.length === want.length && timingSafeEqual(got, want);
    if (!this.faults.apply('chapVerified', ok)) return { answers: [], failure: fail(Status.authenticationFailure, `CHAP response for '${n}' did not verify`) };
    this.state = 'done';
    const ci = get(pairs, 'CHAP_I'), cc = get(pairs, 'CHAP_C');
    if (ci === undefined && cc === undefined) return { answers: [], done: true };
    return this.mutualStep(ci, cc);
  }

  // Mutual CHAP: answer the initiator's challenge with the target secret, refusing a reflected challenge (§9.2.1).
  private mutualStep(ci: string | undefined, cc: string | undefined): ChapStep {
    if (!this.mutual) return { answers: [], failure: fail(Status.authenticationFailure, 'mutual CHAP asked for but no target credentials configured') };
    if (ci === undefined || cc === undefined) return { answers: [], failure: fail(Status.missingParameter, 'CHAP_I and CHAP_C must come together') };
    const id = parseNumerical(ci);
    const challenge = parseBinary(cc);
    if (id === undefined || id < 0n || id > 255n) return { answers: [], failure: fail(Status.authenticationFailure, `bad CHAP_I ${ci}`) };
    if (!challenge || challenge.length === 0 || challenge.length > MAX_CHAP_C)
      return { answers: [], failure: fail(Status.authenticationFailure, `CHAP_C of ${challenge?.length ?? 'unparsable'} bytes (1..${MAX_CHAP_C})`) };
    if (challenge.equals(this.challenge) || this.ledger.isOurs(challenge))
      return { answers: [], failure: fail(Status.authenticationFailure, 'the initiator reflected our own challenge') };
    const resp = chapResponse(this.algorithm, Number(id), this.mutual.secret, challenge);
    return { answers: [{ key: 'CHAP_N', value: this.mutual.user }, { key: 'CHAP_R', value: formatBinary(resp, 'hex') }], done: true };
  }
}
