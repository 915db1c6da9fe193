// CHAP exchange steps for the security cases (RFC 7143 §12.1.3): AuthMethod=CHAP, CHAP_A, then the case's CHAP_N/CHAP_R.
import type { CaseApi } from '../../../harness/runner/case-api.js';
import type { Conn } from '../../../harness/runner/conn.js';
import { describeEvent, type CaseEvent } from '../../../harness/runner/outcomes.js';
import { parseBinary, type TextPair } from '../../../harness/text/codec.js';
import { firstStep, md5Response, responsePairs, sendPairs, Stage, valuesOf } from '../../support-login.js';

/** Where a CHAP exchange stands after the target's challenge. */
export interface Challenged { c: Conn; e: CaseEvent; pairs: TextPair[]; algorithm?: string; id?: number; challenge?: Buffer }

/** AuthMethod=CHAP, then CHAP_A=`algorithms` (T as given); returns the target's answer, not judged. */
export async function challenge(t: CaseApi, algorithms = '5', transit = false): Promise<Challenged> {
  const { c, e } = await firstStep(t, { AuthMethod: 'CHAP' }, { csg: Stage.Security, nsg: Stage.Operational, transit: false });
  const got = valuesOf(responsePairs(e), 'AuthMethod');
  if (!got.includes('CHAP')) t.fail('AuthMethod=CHAP answered CHAP by a target that needs CHAP', `${describeEvent(e)} AuthMethod=${got.join(',') || '(none)'}`, 'rfc7143/12.1');
  sendPairs(c, [{ key: 'CHAP_A', value: algorithms }], { csg: Stage.Security, nsg: Stage.Operational, transit });
  const e2 = await c.receive();
  const pairs = responsePairs(e2);
  const id = Number(valuesOf(pairs, 'CHAP_I')[0]);
  const ch = parseBinary(valuesOf(pairs, 'CHAP_C')[0] ?? '');
  const algorithm = valuesOf(pairs, 'CHAP_A')[0];
  return { c, e: e2, pairs, ...(algorithm ? { algorithm } : {}), ...(Number.isInteger(id) ? { id } : {}), ...(ch ? { challenge: ch } : {}) };
}

/** A challenge that must have worked (CHAP_A=5, CHAP_I, CHAP_C), or a failed case. */
export async function md5Challenge(t: CaseApi): Promise<Required<Challenged>> {
  const ch = await challenge(t, '5');
  if (ch.algorithm !== '5' || ch.id === undefined || !ch.challenge) t.fail('CHAP_A=5 with CHAP_I and CHAP_C', describeEvent(ch.e), 'rfc7143/12.1.3');
  return ch as Required<Challenged>;
}

/** The right CHAP_R for the URL's secret, hex-encoded (0x), or in another encoding. */
export function rightResponse(t: CaseApi, ch: Required<Challenged>, enc: 'hex' | 'HEX' | 'base64' = 'hex'): string {
  const r = md5Response(ch.id, t.target.secret!, ch.challenge);
  if (enc === 'base64') return `0b${r.toString('base64')}`;
  return enc === 'HEX' ? `0X${r.toString('hex').toUpperCase()}` : `0x${r.toString('hex')}`;
}

/** Sends the initiator's CHAP step (T=1 to Operational) and returns the target's answer. */
export async function respond(ch: Challenged, pairs: TextPair[], transit = true): Promise<CaseEvent> {
  sendPairs(ch.c, pairs, { csg: Stage.Security, nsg: Stage.Operational, transit });
  return ch.c.receive();
}
