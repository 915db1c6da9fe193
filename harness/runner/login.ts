// Login for cases through the initiator's login (harness/initiator/login.ts: stages, CHAP, digests);
// the result comes back as values a case can judge with t.expect.
import { buildOffers } from '../initiator/login-offers.js';
import type { PduNamed } from '../pdu/registry.js';
import type { TextPair } from '../text/codec.js';
import type { Conn } from './conn.js';
import type { CaseEvent } from './outcomes.js';

/** The operational keys a Normal-session login offers unless a case overrides them (the initiator's offers). */
export const DEFAULT_OPERATIONAL_KEYS: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(
  buildOffers({ initiatorName: '-', targetName: '-', sessionType: 'Normal', authMethod: 'None' }).operational.map(p => [p.key, p.value])));

/** What a login may change; a key set to undefined is left out of the offer. */
export interface LoginOptions {
  /** Keys to add or override (undefined removes one of the initiator's defaults). */
  keys?: Record<string, string | undefined>;
  initiatorName?: string;
  sessionType?: 'Normal' | 'Discovery';
  tsih?: number;
  /** Start in LoginOperationalNegotiation (skip the security stage); not possible when CHAP is needed. */
  skipSecurity?: boolean;
}

/** How a login ended. */
export interface LoginResult {
  ok: boolean;
  /** The last Login Response seen. */
  response?: PduNamed<'LoginResponse'>;
  /** The last event (the Login Response, or what came instead). */
  event: CaseEvent;
  /** Every key the target sent, last value wins. */
  keys: Record<string, string>;
  /** Every pair the target sent, in order (a key may appear twice: an answer and a declaration). */
  pairs: TextPair[];
  /** Why it did not reach Full Feature Phase. */
  problem?: string;
}

/** Runs the whole login; never throws for target behaviour (the result says what happened). */
export async function doLogin(c: Conn, o: LoginOptions = {}): Promise<LoginResult> {
  const t = c.target;
  const chap = t.user !== undefined && t.secret !== undefined
    ? { chap: { user: t.user, secret: t.secret, ...(t.targetUser !== undefined && t.targetSecret !== undefined ? { targetUser: t.targetUser, targetSecret: t.targetSecret } : {}) } }
    : {};
  const keys = o.keys ? Object.fromEntries(Object.entries(o.keys).map(([k, v]) => [k, v ?? null])) : undefined;
  const budget = c.remaining();
  const r = await c.session.login({
    initiatorName: o.initiatorName ?? t.initiatorName, sessionType: o.sessionType ?? 'Normal', isid: c.isid, cid: c.cid,
    ...(o.sessionType === 'Discovery' ? {} : { targetName: t.iqn }), ...(o.tsih !== undefined ? { tsih: o.tsih } : {}),
    ...(keys ? { keys } : {}), ...chap, ...(o.skipSecurity && !chap.chap ? { stages: ['operational' as const] } : {}),
    timeoutMs: Math.max(1, budget),
  });
  const pairs = r.targetPairs;
  const map = Object.fromEntries(pairs.map(p => [p.key, p.value]));
  const responses = r.pdus.filter((p): p is PduNamed<'LoginResponse'> => p.type === 'LoginResponse');
  const response = responses[responses.length - 1];
  const base = { keys: map, pairs, ...(response ? { response } : {}) };
  if (r.ok) return { ok: true, event: { kind: 'pdu', pdu: response! }, ...base };
  // A login that waited out the whole case is the runner's timeout, not a login failure.
  if (r.kind === 'timeout' && c.remaining() <= 0) return new Promise<never>(() => {});
  const event: CaseEvent = r.kind === 'closed' ? { kind: 'closed', reason: r.message }
    : r.kind === 'timeout' ? { kind: 'silence', ms: budget }
      : response ? { kind: 'pdu', pdu: response } : { kind: 'closed', reason: r.message };
  return { ok: false, event, problem: r.message, ...base };
}
