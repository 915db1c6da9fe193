// The login phase (RFC 7143 §6.3): stages, T/C bits, key negotiation through harness/text, CHAP, digests on at the end.
import { TransportError } from '../errors.js';
import type { Pdu, PduNamed } from '../pdu/registry.js';
import { makePdu } from '../pdu/registry.js';
import { decodeText, encodeText, type TextPair } from '../text/codec.js';
import { checkAnswers, recordConcluded, respond } from '../text/negotiate.js';
import { defaultParams, type NegotiatedParams } from '../text/params.js';
import type { Violation } from '../violation.js';
import type { ChapOptions } from './chap.js';
import { ChapDriver } from './login-chap.js';
import { buildOffers, policyFor, STAGE_CODE, type DigestOffers, type LoginStage, type Offers } from './login-offers.js';
import type { Link } from './link.js';
import type { Numbering } from './numbering.js';

/** What a login offers and how it proceeds. */
export interface LoginOptions {
  initiatorName: string;
  targetName?: string;
  sessionType?: 'Normal' | 'Discovery';
  /** 48-bit ISID; default a random-format ISID (T=10, §11.12.5). */
  isid?: number;
  /** 0 (default) for a new session; a TSIH to add a connection to one. */
  tsih?: number;
  cid?: number;
  /** Per key: a value replaces or adds, null omits (e.g. { MaxBurstLength: '511', TargetName: null }). */
  keys?: Readonly<Record<string, string | null>>;
  chap?: ChapOptions;
  digests?: DigestOffers;
  /** Stages to go through before Full Feature Phase; default security then operational. */
  stages?: LoginStage[];
  /** Deadline for each Login Response; default the session's login timeout. */
  timeoutMs?: number;
}

/** A successful login: parameters in force, TSIH, every PDU both ways, every rule the target broke. */
export interface LoginSuccess {
  ok: true;
  params: NegotiatedParams;
  tsih: number;
  isid: number;
  pdus: Pdu[];
  violations: Violation[];
  /** All key=value pairs the target sent, in order. */
  targetPairs: TextPair[];
}

/** A login that did not reach Full Feature Phase, as a value: status (with class/detail), auth, closed or timeout. */
export interface LoginFailure {
  ok: false;
  kind: 'status' | 'auth' | 'closed' | 'timeout' | 'protocol';
  statusClass?: number;
  statusDetail?: number;
  message: string;
  pdus: Pdu[];
  violations: Violation[];
  targetPairs: TextPair[];
}

/** Either outcome. */
export type LoginOutcome = LoginSuccess | LoginFailure;

/** What login needs from the session. */
export interface LoginHost {
  link: Link;
  numbering: Numbering;
  timeoutMs: number;
}

const MAX_EXCHANGES = 32;
const stageOf = (code: number): LoginStage => (code === 0 ? 'security' : 'operational');

/** A random-format ISID: T=10 in the top two bits, random qualifier, D=0 (§11.12.5). */
export const randomIsid = (): number => 0x80 * 2 ** 40 + Math.floor(Math.random() * 2 ** 24) * 2 ** 16;

/** Runs a whole login on a fresh connection; never throws for target behaviour, only returns an outcome. */
export async function runLogin(h: LoginHost, o: LoginOptions): Promise<LoginOutcome> {
  const sessionType = o.sessionType ?? 'Normal';
  const offers: Offers = buildOffers({
    initiatorName: o.initiatorName, sessionType, authMethod: o.chap ? 'CHAP' : 'None',
    ...(o.targetName !== undefined && { targetName: o.targetName }), ...(o.digests && { digests: o.digests }), ...(o.keys && { keys: o.keys }),
  });
  const policy = policyFor(offers);
  const plan = o.stages ?? ['security', 'operational'];
  const isid = o.isid ?? randomIsid();
  const tsih = o.tsih ?? 0;
  const itt = h.numbering.nextItt();
  const cmdSN = h.numbering.takeCmdSN(true); // a Login Request is immediate: CmdSN is not advanced (§11.12.7)
  const timeoutMs = o.timeoutMs ?? h.timeoutMs;
  const pdus: Pdu[] = [];
  const violations: Violation[] = [];
  const targetPairs: TextPair[] = [];
  const negotiated = new Set<string>();
  let params: NegotiatedParams = { ...defaultParams(), sessionType };
  const fail = (kind: LoginFailure['kind'], message: string, r?: PduNamed<'LoginResponse'>): LoginFailure => {
    h.link.resume();
    return { ok: false, kind, message, pdus, violations, targetPairs,
      ...(r && { statusClass: r.statusClass, statusDetail: r.statusDetail }) };
  };

  let stage: LoginStage = plan[0] ?? 'operational';
  const sent = new Set<LoginStage>([stage]);
  let toSend: TextPair[] = [...offers.leading, ...offers[stage]];
  const chapOffered = offers.security.some(p => p.key === 'AuthMethod' && p.value.split(',').includes('CHAP'));
  const chap = o.chap && chapOffered ? new ChapDriver(o.chap) : null;
  for (let n = 0; n < MAX_EXCHANGES; n++) {
    const later = plan[plan.indexOf(stage) + 1];
    const nsg = later ? STAGE_CODE[later] : STAGE_CODE.ffp;
    const transit = stage !== 'security' || !chap || chap.readyToTransit;
    const req = makePdu('LoginRequest', {
      immediate: true, transit, continue: false, csg: STAGE_CODE[stage], nsg: transit ? nsg : 0, versionMax: 0, versionMin: 0,
      isid, tsih, itt, cid: o.cid ?? 0, cmdSN, expStatSN: h.numbering.expStatSN, data: encodeText(toSend),
    });
    let got: { resp: PduNamed<'LoginResponse'>; data: Buffer };
    try {
      pdus.push(req);
      await h.link.send(req);
      got = await receiveWhole(h, req, pdus, timeoutMs);
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      return fail(e.code === 'ERR_TIMEOUT' ? 'timeout' : e.code === 'ERR_CLOSED' ? 'closed' : 'protocol', `login ${stage} stage: ${e.message}`);
    }
    const { resp, data } = got;
    const text = decodeText(data);
    violations.push(...text.violations);
    targetPairs.push(...text.pairs);
    if (resp.statusClass !== 0)
      return fail('status', `Login Response status ${resp.statusClass}/${resp.statusDetail} in the ${stage} stage`, resp);
    const final = resp.transit && resp.nsg === STAGE_CODE.ffp;
    const ctx = { us: 'initiator' as const, phase: stage, sessionType, leading: tsih === 0, negotiated, current: params, final };
    const checked = checkAnswers(toSend, text.pairs, ctx);
    violations.push(...checked.violations);
    params = checked.params;
    recordConcluded(negotiated, toSend, 'initiator');
    recordConcluded(negotiated, text.pairs, 'target');
    const answered = checked.theirOffers.length && !final ? respond(checked.theirOffers, policy, { ...ctx, current: params }) : null;
    if (answered) params = answered.params;
    toSend = answered ? [...answered.answers] : [];
    if (chap && stage === 'security') {
      const step = chap.onResponse(text.pairs);
      if (step.failure) {
        await h.link.conn.close(200);
        return fail('auth', step.failure);
      }
      toSend.push(...step.send);
    }
    if (final) {
      // Digests start with the first PDU after the final Login Response, in both directions (§13.1).
      h.link.setDigests({ header: params.headerDigest === 'CRC32C', data: params.dataDigest === 'CRC32C' });
      return { ok: true, params, tsih: resp.tsih, isid, pdus, violations, targetPairs };
    }
    h.link.resume();
    if (resp.transit && resp.nsg !== STAGE_CODE[stage]) {
      if (resp.nsg !== STAGE_CODE.operational) return fail('protocol', `target moved to reserved stage ${resp.nsg}`);
      stage = stageOf(resp.nsg);
      if (!sent.has(stage)) { sent.add(stage); toSend.push(...offers[stage]); }
    }
  }
  return fail('protocol', `login did not reach Full Feature Phase in ${MAX_EXCHANGES} exchanges`);
}

/** The response to one request, following C=1 continuations with empty requests (§11.13.2, §6.3). */
async function receiveWhole(h: LoginHost, req: PduNamed<'LoginRequest'>, pdus: Pdu[], timeoutMs: number):
  Promise<{ resp: PduNamed<'LoginResponse'>; data: Buffer }> {
  const parts: Buffer[] = [];
  for (let n = 0; n < MAX_EXCHANGES; n++) {
    const r = await h.link.receive({ timeoutMs, match: p => p.type === 'LoginResponse' || p.type === 'Reject' });
    pdus.push(r.pdu);
    if (r.pdu.type !== 'LoginResponse') throw new TransportError('target sent a Reject during login', 'ERR_LOGIN_REJECT');
    const resp = r.pdu;
    parts.push(resp.data);
    if (!resp.continue || resp.statusClass !== 0) return { resp, data: Buffer.concat(parts) };
    h.link.resume();
    const more = makePdu('LoginRequest', { ...req, transit: false, continue: false, nsg: 0, expStatSN: h.numbering.expStatSN, data: Buffer.alloc(0) });
    pdus.push(more);
    await h.link.send(more);
  }
  throw new TransportError(`Login Response continued over ${MAX_EXCHANGES} PDUs`, 'ERR_LOGIN_CONTINUATION');
}
