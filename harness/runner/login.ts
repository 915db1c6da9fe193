// Normal login for cases (RFC 7143 §6.3): SecurityNegotiation with AuthMethod (CHAP per §12.1.3 when
// the URL has credentials), then LoginOperationalNegotiation to Full Feature Phase.
import { createHash, randomBytes } from 'node:crypto';
import { type PduNamed } from '../pdu/registry.js';
import { decodeText, encodeText, parseBinary, type TextPair } from '../text/codec.js';
import type { Conn } from './conn.js';
import type { CaseEvent } from './outcomes.js';

/** What a login may change; a key set to undefined is left out of the offer. */
export interface LoginOptions {
  /** Operational keys to add or override (undefined removes a default). */
  keys?: Record<string, string | undefined>;
  /** Security-stage keys to add or override. */
  securityKeys?: Record<string, string | undefined>;
  initiatorName?: string;
  sessionType?: 'Normal' | 'Discovery';
  tsih?: number;
  /** Start in LoginOperationalNegotiation (skip the security stage); refused when CHAP is needed. */
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

/** Our operational offer (RFC 7143 §13 values any conforming target accepts). */
export const DEFAULT_OPERATIONAL_KEYS: Readonly<Record<string, string>> = {
  HeaderDigest: 'None', DataDigest: 'None', MaxConnections: '1', InitialR2T: 'Yes', ImmediateData: 'Yes',
  MaxRecvDataSegmentLength: '262144', MaxBurstLength: '262144', FirstBurstLength: '65536',
  DefaultTime2Wait: '2', DefaultTime2Retain: '0', MaxOutstandingR2T: '1', DataPDUInOrder: 'Yes',
  DataSequenceInOrder: 'Yes', ErrorRecoveryLevel: '0',
};

const merge = (base: Record<string, string | undefined>, over: Record<string, string | undefined> = {}): TextPair[] =>
  Object.entries({ ...base, ...over }).filter((e): e is [string, string] => e[1] !== undefined).map(([key, value]) => ({ key, value }));

/** The CHAP response MD5(identifier || secret || challenge) (RFC 1994 §4.1, RFC 7143 §12.1.3). */
export const chapResponse = (id: number, secret: string, challenge: Buffer): Buffer =>
  createHash('md5').update(Buffer.from([id & 0xff])).update(Buffer.from(secret, 'utf8')).update(challenge).digest();

/** Runs the whole login; never throws for target behaviour (the result says what happened). */
export async function doLogin(c: Conn, o: LoginOptions = {}): Promise<LoginResult> {
  const keys: Record<string, string> = {};
  const pairs: TextPair[] = [];
  let last: LoginResult = { ok: false, event: { kind: 'silence', ms: 0 }, keys, pairs };
  c.tsih = o.tsih ?? 0;
  const step = async (csg: number, nsg: number, transit: boolean, pairs: TextPair[]): Promise<boolean> => {
    c.send('LoginRequest', { immediate: true, transit, continue: false, csg, nsg, versionMax: 0, versionMin: 0, isid: c.isid, tsih: c.tsih, cid: c.cid, data: encodeText(pairs) });
    const e = await c.receive();
    if (e.kind !== 'pdu' || e.pdu.type !== 'LoginResponse') { last = { ok: false, event: e, keys, pairs, problem: 'no Login Response' }; return false; }
    const r = e.pdu;
    for (const p of decodeText(r.data).pairs) { keys[p.key] = p.value; pairs.push(p); }
    last = { ok: false, response: r, event: e, keys, pairs };
    if (r.statusClass !== 0) { last.problem = `login status 0x${((r.statusClass << 8) | r.statusDetail).toString(16).padStart(4, '0')}`; return false; }
    if (r.tsih !== 0) c.tsih = r.tsih;
    return true;
  };
  const names: Record<string, string | undefined> = {
    InitiatorName: o.initiatorName ?? c.target.initiatorName,
    TargetName: o.sessionType === 'Discovery' ? undefined : c.target.iqn,
    SessionType: o.sessionType ?? 'Normal',
  };
  const chap = c.target.user !== undefined && c.target.secret !== undefined;
  let opKeys = merge({ ...DEFAULT_OPERATIONAL_KEYS }, o.keys);
  if (!o.skipSecurity || chap) {
    if (!await step(0, 1, true, merge({ ...names, AuthMethod: chap ? 'CHAP,None' : 'None' }, o.securityKeys))) return last;
    if (keys.AuthMethod === 'CHAP') { if (!await doChap(c, step, keys)) return last.problem ? last : { ...last, problem: 'CHAP failed' }; }
    for (let i = 0; i < 4 && !(last.response!.transit && last.response!.nsg === 1); i++) if (!await step(0, 1, true, [])) return last;
  } else {
    opKeys = [...merge(names), ...opKeys];
  }
  if (!await step(1, 3, true, opKeys)) return last;
  for (let i = 0; i < 4 && !(last.response!.transit && last.response!.nsg === 3); i++) if (!await step(1, 3, true, [])) return last;
  if (!(last.response!.transit && last.response!.nsg === 3)) return { ...last, problem: 'target did not move to Full Feature Phase' };
  applyParams(c, keys);
  return { ...last, ok: true };
}

type Step = (csg: number, nsg: number, transit: boolean, pairs: TextPair[]) => Promise<boolean>;

async function doChap(c: Conn, step: Step, keys: Record<string, string>): Promise<boolean> {
  if (!await step(0, 1, false, [{ key: 'CHAP_A', value: '5' }])) return false;
  const id = Number(keys.CHAP_I), challenge = parseBinary(keys.CHAP_C ?? '');
  if (keys.CHAP_A !== '5' || !Number.isInteger(id) || !challenge) return false;
  const pairs: TextPair[] = [
    { key: 'CHAP_N', value: c.target.user! },
    { key: 'CHAP_R', value: `0x${chapResponse(id, c.target.secret!, challenge).toString('hex')}` },
  ];
  const mutual = c.target.targetUser !== undefined && c.target.targetSecret !== undefined;
  const myId = randomBytes(1)[0]!, myChallenge = randomBytes(16);
  if (mutual) pairs.push({ key: 'CHAP_I', value: String(myId) }, { key: 'CHAP_C', value: `0x${myChallenge.toString('hex')}` });
  if (!await step(0, 1, true, pairs)) return false;
  if (!mutual) return true;
  const want = chapResponse(myId, c.target.targetSecret!, myChallenge);
  return keys.CHAP_N === c.target.targetUser && parseBinary(keys.CHAP_R ?? '')?.equals(want) === true;
}

function applyParams(c: Conn, k: Record<string, string>): void {
  const n = (v: string | undefined, d: number): number => (v !== undefined && /^\d+$/.test(v) ? Number(v) : d);
  c.params = {
    targetMaxRecvDataSegmentLength: n(k.MaxRecvDataSegmentLength, 8192),
    immediateData: (k.ImmediateData ?? 'Yes') === 'Yes',
    initialR2T: (k.InitialR2T ?? 'Yes') === 'Yes',
    firstBurstLength: n(k.FirstBurstLength, 65536),
    maxBurstLength: n(k.MaxBurstLength, 262144),
  };
}
