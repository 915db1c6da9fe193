// CHAP for iSCSI login (RFC 7143 §12.1.3 over RFC 1994): response computation, challenges, and the checks on them.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** CHAP_A values we can compute: 5 = MD5 (RFC 1994), the one RFC 7143 §12.1.3 requires. */
export const CHAP_ALGORITHMS: Readonly<Record<number, string>> = { 5: 'md5' };

/** CHAP credentials for a login; `targetUser`/`targetSecret` turn on mutual CHAP. */
export interface ChapOptions {
  user: string;
  secret: string;
  targetUser?: string;
  targetSecret?: string;
  /** CHAP_A values offered, in order of preference; default [5]. */
  algorithms?: number[];
  /** Length of our challenge for mutual CHAP, bytes; default 16 (the MD5 length). */
  challengeLength?: number;
}

/** RFC 1994 §4.1: Response = H(Identifier || secret || Challenge), Identifier being one octet. */
export function chapResponse(algorithm: number, id: number, secret: string | Uint8Array, challenge: Uint8Array): Buffer {
  const hash = CHAP_ALGORITHMS[algorithm];
  if (!hash) throw new RangeError(`CHAP_A=${algorithm} is not an algorithm we can compute`);
  return createHash(hash).update(Buffer.from([id & 0xff])).update(typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret)
    .update(challenge).digest();
}

/** A fresh identifier and challenge for mutual CHAP that differs from the one the target sent us (§9.2.1: no reflection). */
export function newChallenge(length: number, theirs?: Uint8Array): { id: number; challenge: Buffer } {
  for (;;) {
    const challenge = randomBytes(length);
    if (!theirs || !challenge.equals(Buffer.from(theirs))) return { id: randomBytes(1)[0]!, challenge };
  }
}

/** Constant-time comparison of an expected and a received CHAP_R. */
export function sameResponse(expected: Buffer, got: Buffer | undefined): boolean {
  return !!got && got.length === expected.length && timingSafeEqual(expected, got);
}
