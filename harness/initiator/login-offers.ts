// The keys our login offers, stage by stage, and how a case overrides, adds or omits them.
import { defaultPolicy, type Policy } from '../text/negotiate.js';
import type { TextPair } from '../text/codec.js';
import { keyByName } from '../text/keys.js';
import type { DigestPref } from './url.js';

/** Login stages a request can be in (CSG/NSG codes 0 and 1; 3 is Full Feature Phase). */
export type LoginStage = 'security' | 'operational';
/** Stage codes on the wire (RFC 7143 §11.12.3). */
export const STAGE_CODE = { security: 0, operational: 1, ffp: 3 } as const;

/** Digest offers as RFC list values ('CRC32C,None') or in libiscsi URL form ('crc32c-none'). */
export interface DigestOffers {
  header?: string | DigestPref;
  data?: string | DigestPref;
}

/** Our offers by where they are sent: the first request, the security stage, the operational stage. */
export interface Offers {
  leading: TextPair[];
  security: TextPair[];
  operational: TextPair[];
}

/** What `buildOffers` needs. */
export interface OfferInput {
  initiatorName: string;
  targetName?: string;
  sessionType: 'Normal' | 'Discovery';
  authMethod: string;
  digests?: DigestOffers;
  /** Per key: a value replaces ours (or is added), null leaves the key out. */
  keys?: Readonly<Record<string, string | null>>;
}

/** The libiscsi URL digest spelling as an RFC 7143 §13.1 list value. */
export function digestList(v: string | DigestPref): string {
  const map: Record<string, string> = { none: 'None', crc32c: 'CRC32C', 'none-crc32c': 'None,CRC32C', 'crc32c-none': 'CRC32C,None' };
  return map[v] ?? v;
}

const LEADING = new Set(['InitiatorName', 'TargetName', 'SessionType', 'InitiatorAlias']);

/**
 * Our offers: the leading keys (§6.3.1: InitiatorName always, TargetName for Normal sessions, SessionType), AuthMethod
 * for the security stage, and operational keys close to the RFC defaults but with unsolicited data allowed, so
 * both write paths (immediate/unsolicited and R2T-solicited) are exercised.
 */
export function buildOffers(i: OfferInput): Offers {
  const normal = i.sessionType === 'Normal';
  const o: Offers = {
    leading: [
      { key: 'InitiatorName', value: i.initiatorName },
      { key: 'SessionType', value: i.sessionType },
      ...(normal && i.targetName !== undefined ? [{ key: 'TargetName', value: i.targetName }] : []),
    ],
    security: [{ key: 'AuthMethod', value: i.authMethod }],
    operational: [
      { key: 'HeaderDigest', value: digestList(i.digests?.header ?? 'None') },
      { key: 'DataDigest', value: digestList(i.digests?.data ?? 'None') },
      ...(normal ? [
        { key: 'MaxConnections', value: '1' }, { key: 'InitialR2T', value: 'No' }, { key: 'ImmediateData', value: 'Yes' },
      ] : []),
      { key: 'MaxRecvDataSegmentLength', value: '262144' },
      ...(normal ? [
        { key: 'MaxBurstLength', value: '262144' }, { key: 'FirstBurstLength', value: '65536' },
        { key: 'DefaultTime2Wait', value: '2' }, { key: 'DefaultTime2Retain', value: '0' },
        { key: 'MaxOutstandingR2T', value: '1' }, { key: 'DataPDUInOrder', value: 'Yes' },
        { key: 'DataSequenceInOrder', value: 'Yes' }, { key: 'ErrorRecoveryLevel', value: '0' },
      ] : []),
    ],
  };
  for (const [key, value] of Object.entries(i.keys ?? {})) {
    const group = [o.leading, o.security, o.operational].find(g => g.some(p => p.key === key));
    if (group) {
      const at = group.findIndex(p => p.key === key);
      if (value === null) group.splice(at, 1);
      else group[at] = { key, value };
    } else if (value !== null) {
      const home = LEADING.has(key) ? o.leading : keyByName(key)?.stage === 'security' ? o.security : o.operational;
      home.push({ key, value });
    }
  }
  return o;
}

/** Our values for keys the target offers itself: what we offered, else the engine's defaults. */
export function policyFor(o: Offers): Policy {
  const mine: Record<string, string> = {};
  for (const p of [...o.leading, ...o.security, ...o.operational]) mine[p.key] = p.value;
  return { ...defaultPolicy(), ...mine };
}
