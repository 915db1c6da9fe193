// Helpers for the login, keys and CHAP suites: single login steps, key answers as matchers, CHAP math.
import { createHash } from 'node:crypto';
import type { CaseApi } from '../harness/runner/case-api.js';
import { Conn } from '../harness/runner/conn.js';
import type { LoginResult } from '../harness/runner/login.js';
import { closed, describeEvent, loginStatus, nonStrict, pass, type CaseEvent, type Matcher, type Outcome } from '../harness/runner/outcomes.js';
import type { PduNamed } from '../harness/pdu/registry.js';
import { decodeText, encodeText, type TextPair } from '../harness/text/codec.js';
import { notUnderstoodAllowed } from '../harness/text/rules.js';
import { firstLoginKeys } from './support.js';

type LoginResponse = PduNamed<'LoginResponse'>;

/** Stage codes (RFC 7143 §11.12.3). */
export const Stage = { Security: 0, Operational: 1, FullFeature: 3 } as const;

/** Keys of a Login Response event (empty for anything else). */
export function responsePairs(e: CaseEvent): TextPair[] {
  return e.kind === 'pdu' && e.pdu.type === 'LoginResponse' ? decodeText(e.pdu.data).pairs : [];
}

/** Every value the target sent for `key` during a login (a key may come twice: answer and declaration). */
export const valuesOf = (r: LoginResult | TextPair[], key: string): string[] =>
  (Array.isArray(r) ? r : r.pairs).filter(p => p.key === key).map(p => p.value);

/** Matches when the login's responses carried `key` with a value for which `pred` holds. */
export function keyAnswer(r: LoginResult, key: string, pred: (v: string) => boolean, describe: string): Matcher {
  return { describe: `${key} answered ${describe}`, test: () => valuesOf(r, key).some(pred) };
}

/** The target answered the key with Reject. */
export const keyRejected = (r: LoginResult, key: string): Matcher => keyAnswer(r, key, v => v === 'Reject', 'Reject');

/** A login that reached Full Feature Phase. */
export const loggedIn = (r: LoginResult): Matcher => ({ describe: 'login reaches Full Feature Phase', test: () => r.ok });

/**
 * The outcomes for an offer the target must not accept (§6.2.2 Reject, §7.12 login failure): a Reject answer
 * or a Login reject with class 0x02 pass; closing without a status is tolerated (fails under --strict).
 */
export function refused(r: LoginResult, key: string): Outcome[] {
  return [pass(keyRejected(r, key)), pass(loginStatus(0x02)), nonStrict(closed())];
}

/**
 * Fails when a known RFC key was answered NotUnderstood (§6.2: every key of RFC 7143 must be comprehended), except the
 * X extension formats, which §11.13.8 exempts (X#NodeArchitecture: the sender must expect NotUnderstood, §13.26.2).
 */
export function notNotUnderstood(t: CaseApi, r: LoginResult, key: string): void {
  if (notUnderstoodAllowed(key)) return;
  t.check(!valuesOf(r, key).includes('NotUnderstood'), `${key} is never answered NotUnderstood (a key of RFC 7143)`, `${key}=NotUnderstood`, 'rfc7143/6.2');
}

/** Sends one Login Request with the first-request names plus `keys` and returns the next event. */
export async function firstStep(t: CaseApi, keys: Record<string, string | undefined>, o: {
  csg?: number; nsg?: number; transit?: boolean; continue?: boolean; versionMax?: number; versionMin?: number; tsih?: number; conn?: Conn;
} = {}): Promise<{ c: Conn; req: PduNamed<'LoginRequest'>; e: CaseEvent }> {
  const c = o.conn ?? await t.connect();
  const { conn: _conn, ...rest } = o;
  // A CHAP target refuses AuthMethod=None, so the default first offer lets it pick CHAP (§12.1).
  const auth = usesChap(t) ? { AuthMethod: 'CHAP,None' } : {};
  const req = c.loginRequest({ keys: { ...firstLoginKeys(t), ...auth, ...keys }, ...rest });
  const e = await c.receive();
  return { c, req, e };
}

/** The Login Response of an event, or a failed case. */
export function asResponse(t: CaseApi, e: CaseEvent, what = 'a Login Response'): LoginResponse {
  if (e.kind !== 'pdu' || e.pdu.type !== 'LoginResponse') t.fail(what, describeEvent(e));
  return (e as { pdu: LoginResponse }).pdu;
}

/** A successful Login Response (status 0) matching `pred`. */
export function okResponse(pred: (p: LoginResponse) => boolean, describe: string): Matcher {
  return { describe, test: e => e.kind === 'pdu' && e.pdu.type === 'LoginResponse' && e.pdu.statusClass === 0 && pred(e.pdu) };
}

/** Whether the target asks for CHAP (credentials in the URL): security-stage cases that need None skip then. */
export const usesChap = (t: CaseApi): boolean => t.target.user !== undefined && t.target.secret !== undefined;

/** Skips a case that needs a target accepting AuthMethod=None. */
export function needNoAuth(t: CaseApi): void {
  if (usesChap(t)) t.skip('the target is configured for CHAP; this case needs AuthMethod=None');
}

/** The CHAP response MD5(identifier || secret || challenge) (RFC 1994 §4.1); the secret never leaves this function. */
export const md5Response = (id: number, secret: string, challenge: Buffer): Buffer =>
  createHash('md5').update(Buffer.from([id & 0xff])).update(Buffer.from(secret, 'utf8')).update(challenge).digest();

/** Parses a number or a 0x hex constant (RFC 7143 §6.1); undefined when it is neither. */
export function parseNumber(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (/^(0|[1-9][0-9]*)$/.test(v)) return Number(v);
  if (/^0[xX][0-9a-fA-F]+$/.test(v)) return Number.parseInt(v.slice(2), 16);
  return undefined;
}

/** Sends one Login Request with exactly these pairs (duplicates and order kept) on this connection's ISID/TSIH/CID. */
export function sendPairs(c: Conn, pairs: readonly TextPair[] | Buffer, o: { csg: number; nsg: number; transit: boolean; continue?: boolean }): PduNamed<'LoginRequest'> {
  return c.send('LoginRequest', {
    immediate: true, transit: o.transit, continue: o.continue ?? false, csg: o.csg, nsg: o.nsg, versionMax: 0, versionMin: 0,
    isid: c.isid, tsih: c.tsih, cid: c.cid, data: Buffer.isBuffer(pairs) ? pairs : encodeText(pairs),
  });
}

/** The first-request names as pairs (InitiatorName, TargetName, SessionType=Normal). */
export function namePairs(t: CaseApi): TextPair[] {
  return [{ key: 'InitiatorName', value: t.target.initiatorName }, { key: 'TargetName', value: t.target.iqn }, { key: 'SessionType', value: 'Normal' }];
}

/** A connection that logs in with a chosen ISID and CID (a further connection of a session, or a reinstatement). */
export class ConnAs extends Conn {
  constructor(base: Conn, isid: number, cid: number) {
    super(base.session, base.target, base.remaining, isid);
    // Conn fixes CID 1 (its type is the literal); a further connection needs its own, so the field is redefined.
    Object.defineProperty(this, 'cid', { value: cid });
  }
}
