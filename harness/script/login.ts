// The `login` step (RFC 7143 §6.3): optional CHAP security stage (§12.1.3), operational negotiation, Full Feature Phase.
// Deterministic on purpose (fixed ISID and mutual-CHAP challenge) so a replay sends the same bytes.
import { createHash } from 'node:crypto';
import { makePdu, type PduNamed } from '../pdu/registry.js';
import { decodeText, encodeText, parseBinary, type TextPair } from '../text/codec.js';
import type { ScriptConnection } from './connection.js';

/** Where and as whom to log in; secrets come from the URL and never enter a script. */
export interface LoginTarget {
  targetName?: string;
  initiatorName: string;
  user?: string;
  secret?: string;
  targetUser?: string;
  targetSecret?: string;
}

/** What the step asks for. */
export interface LoginRequestOptions {
  keys?: Record<string, string>;
  stages?: Array<'security' | 'operational' | 'ffp'>;
  chap?: boolean;
  discovery?: boolean;
  timeoutMs: number;
}

/** How the login ended; `status` is class << 8 | detail of the last Login Response. */
export interface LoginOutcome { ok: boolean; status?: number; problem?: string; keys: Record<string, string> }

/** Our operational offer: values every conforming target accepts, immediate data on so commands go in one PDU. */
export const DEFAULT_KEYS: Readonly<Record<string, string>> = {
  HeaderDigest: 'None', DataDigest: 'None', MaxConnections: '1', InitialR2T: 'No', ImmediateData: 'Yes',
  MaxRecvDataSegmentLength: '262144', MaxBurstLength: '262144', FirstBurstLength: '65536',
  DefaultTime2Wait: '0', DefaultTime2Retain: '0', MaxOutstandingR2T: '1', DataPDUInOrder: 'Yes',
  DataSequenceInOrder: 'Yes', ErrorRecoveryLevel: '0',
};

/** ISID of script sessions: random-qualifier format (type 0b10) with a fixed value, so replays match. */
export const SCRIPT_ISID = 0x80_1234_5678_00;

const STAGE = { security: 0, operational: 1, ffp: 3 } as const;

/** MD5(identifier || secret || challenge), RFC 1994 §4.1. */
export const chapResponse = (id: number, secret: string, challenge: Buffer): Buffer =>
  createHash('md5').update(Buffer.from([id & 0xff])).update(Buffer.from(secret, 'utf8')).update(challenge).digest();

/** Runs a login on `c`; never throws for target behaviour. */
export async function login(c: ScriptConnection, t: LoginTarget, o: LoginRequestOptions): Promise<LoginOutcome> {
  const keys: Record<string, string> = {};
  const chap = (o.chap ?? t.user !== undefined) && t.user !== undefined && t.secret !== undefined;
  const stages = o.stages ?? (chap ? ['security', 'operational', 'ffp'] : ['operational', 'ffp']);
  let status: number | undefined;
  let last: PduNamed<'LoginResponse'> | undefined;
  const step = async (csg: number, nsg: number, transit: boolean, pairs: TextPair[]): Promise<string | undefined> => {
    const itt = c.nextItt();
    await c.sendPdu(makePdu('LoginRequest', { immediate: true, transit, csg, nsg, isid: SCRIPT_ISID, tsih: c.tsih, itt, cid: 0, cmdSN: c.cmdSN, expStatSN: c.expStatSN, data: encodeText(pairs) }));
    const r = await c.next(o.timeoutMs);
    if (r.kind !== 'pdu') return r.kind === 'closed' ? `connection ${r.reason} during login` : `no Login Response within ${o.timeoutMs} ms`;
    if (r.pdu.type !== 'LoginResponse') return `got ${r.pdu.type} instead of a Login Response`;
    last = r.pdu;
    status = (last.statusClass << 8) | last.statusDetail;
    for (const p of decodeText(last.data).pairs) keys[p.key] = p.value;
    if (last.statusClass !== 0) return `login status 0x${status.toString(16).padStart(4, '0')}`;
    if (last.tsih !== 0) c.tsih = last.tsih;
    return undefined;
  };
  const identity: TextPair[] = [
    { key: 'InitiatorName', value: t.initiatorName },
    { key: 'SessionType', value: o.discovery ? 'Discovery' : 'Normal' },
    ...(o.discovery || !t.targetName ? [] : [{ key: 'TargetName', value: t.targetName }]),
  ];
  const user = Object.entries(o.keys ?? {});
  const opKeys = Object.entries({ ...DEFAULT_KEYS, ...Object.fromEntries(user.filter(([k]) => !k.startsWith('Auth') && !k.startsWith('CHAP_'))) })
    .map(([key, value]) => ({ key, value }));
  const secKeys = user.filter(([k]) => k.startsWith('Auth') || k.startsWith('CHAP_')).map(([key, value]) => ({ key, value }));
  let first = true;
  for (let i = 0; i < stages.length; i++) {
    const cur = stages[i]!, next = stages[i + 1];
    if (cur === 'ffp') break;
    const csg = STAGE[cur], nsg = next ? STAGE[next] : csg;
    let pairs: TextPair[] = cur === 'security'
      ? [...(first ? identity : []), ...(secKeys.length ? secKeys : [{ key: 'AuthMethod', value: chap ? 'CHAP' : 'None' }])]
      : [...(first ? identity : []), ...opKeys];
    first = false;
    if (cur === 'security' && chap) {
      const p = await step(csg, csg, false, pairs);
      if (p) return { ok: false, problem: p, keys, ...(status === undefined ? {} : { status }) };
      const problem = await doChap(c, t, step, keys, nsg);
      if (problem) return { ok: false, problem, keys, ...(status === undefined ? {} : { status }) };
      pairs = [];
    } else {
      const p = await step(csg, nsg, next !== undefined, pairs);
      if (p) return { ok: false, problem: p, keys, ...(status === undefined ? {} : { status }) };
    }
    // A target may stay in the stage for more exchanges; answer with empty requests a few times (bounded).
    for (let k = 0; k < 4 && next && !(last!.transit && last!.nsg === nsg); k++) {
      const p = await step(csg, nsg, true, []);
      if (p) return { ok: false, problem: p, keys, ...(status === undefined ? {} : { status }) };
    }
    if (next && !(last!.transit && last!.nsg === nsg)) return { ok: false, problem: `target stayed in ${cur}`, keys, ...(status === undefined ? {} : { status }) };
  }
  if (stages[stages.length - 1] === 'ffp') applyParams(c, keys);
  c.sentSinceSync = 0; // every Login Request got its Login Response
  c.discovery = o.discovery === true;
  return { ok: true, keys, ...(status === undefined ? {} : { status }) };
}

type Exchange = (csg: number, nsg: number, transit: boolean, pairs: TextPair[]) => Promise<string | undefined>;

async function doChap(c: ScriptConnection, t: LoginTarget, step: Exchange, keys: Record<string, string>, nsg: number): Promise<string | undefined> {
  void c;
  const p = await step(0, nsg, false, [{ key: 'CHAP_A', value: '5' }]);
  if (p) return p;
  const id = Number(keys.CHAP_I), challenge = parseBinary(keys.CHAP_C ?? '');
  if (keys.CHAP_A !== '5' || !Number.isInteger(id) || !challenge) return 'target did not offer CHAP_A=5 with CHAP_I and CHAP_C';
  const pairs: TextPair[] = [
    { key: 'CHAP_N', value: t.user! },
    { key: 'CHAP_R', value: `0x${chapResponse(id, t.secret!, challenge).toString('hex')}` },
  ];
  const mutual = t.targetUser !== undefined && t.targetSecret !== undefined;
  const myId = 7, myChallenge = Buffer.alloc(16, 0x5a);
  if (mutual) pairs.push({ key: 'CHAP_I', value: String(myId) }, { key: 'CHAP_C', value: `0x${myChallenge.toString('hex')}` });
  const q = await step(0, nsg, true, pairs);
  if (q) return q;
  if (!mutual) return undefined;
  const want = chapResponse(myId, t.targetSecret!, myChallenge);
  return keys.CHAP_N === t.targetUser && parseBinary(keys.CHAP_R ?? '')?.equals(want) === true ? undefined : 'mutual CHAP: the target answered wrongly';
}

function applyParams(c: ScriptConnection, k: Record<string, string>): void {
  const n = (v: string | undefined, d: number): number => (v !== undefined && /^\d+$/.test(v) ? Number(v) : d);
  c.params = {
    targetMaxRecv: n(k.MaxRecvDataSegmentLength, 8192),
    immediateData: (k.ImmediateData ?? 'Yes') === 'Yes',
    initialR2T: (k.InitialR2T ?? 'Yes') === 'Yes',
    firstBurst: n(k.FirstBurstLength, 65536),
    maxBurst: n(k.MaxBurstLength, 262144),
  };
  c.fullFeature = true;
  c.enableDigests(/^CRC32C$/i.test(k.HeaderDigest ?? ''), /^CRC32C$/i.test(k.DataDigest ?? ''));
}
