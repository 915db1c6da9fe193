// Typed negotiated parameters with RFC 7143 defaults, how key results land in them, and the §13 integrity rules.
import { violation, type Violation } from '../violation.js';
import { keyByName, type Role } from './keys.js';
import { parseBoolean, parseNumerical } from './values.js';

/** Every operational value a session/connection runs with after negotiation (RFC defaults until changed). */
export interface NegotiatedParams {
  headerDigest: string;
  dataDigest: string;
  maxConnections: number;
  initialR2T: boolean;
  immediateData: boolean;
  /** Declared per direction (§13.12): what the initiator can receive, and what the target can receive. */
  maxRecvDataSegmentLength: Record<Role, number>;
  maxBurstLength: number;
  firstBurstLength: number;
  defaultTime2Wait: number;
  defaultTime2Retain: number;
  maxOutstandingR2T: number;
  dataPDUInOrder: boolean;
  dataSequenceInOrder: boolean;
  errorRecoveryLevel: number;
  sessionType: 'Normal' | 'Discovery';
  taskReporting: string;
  iSCSIProtocolLevel: number;
  authMethod: string;
  targetName?: string;
  initiatorName?: string;
  targetAlias?: string;
  initiatorAlias?: string;
  targetPortalGroupTag?: number;
  /** X#NodeArchitecture as declared by each side (informational only, §13.26.2). */
  nodeArchitecture: Partial<Record<Role, string>>;
}

/** The RFC defaults (§13 "Default is"), used before and without negotiation; login itself runs on these (§6.3). */
export function defaultParams(): NegotiatedParams {
  return {
    headerDigest: 'None', dataDigest: 'None', maxConnections: 1, initialR2T: true, immediateData: true,
    maxRecvDataSegmentLength: { initiator: 8192, target: 8192 }, maxBurstLength: 262144, firstBurstLength: 65536,
    defaultTime2Wait: 2, defaultTime2Retain: 20, maxOutstandingR2T: 1, dataPDUInOrder: true, dataSequenceInOrder: true,
    errorRecoveryLevel: 0, sessionType: 'Normal', taskReporting: 'RFC3720', iSCSIProtocolLevel: 1, authMethod: 'None',
    nodeArchitecture: {},
  };
}

/** The limit for PDUs we send: the peer's declared MaxRecvDataSegmentLength. */
export const sendLimit = (p: NegotiatedParams, us: Role): number => p.maxRecvDataSegmentLength[us === 'initiator' ? 'target' : 'initiator'];

/** The limit for PDUs we receive: our own declaration. */
export const receiveLimit = (p: NegotiatedParams, us: Role): number => p.maxRecvDataSegmentLength[us];

/**
 * Writes one concluded key into a copy of the params. `declarer` says who stated a declarative value
 * (it matters for MaxRecvDataSegmentLength and X#NodeArchitecture). Special answers leave the value as it was
 * (§6.2: after Reject the key keeps its current value).
 */
export function applyResult(p: NegotiatedParams, key: string, value: string, declarer: Role): NegotiatedParams {
  const def = keyByName(key);
  if (!def?.param || ['Reject', 'Irrelevant', 'NotUnderstood'].includes(value)) return p;
  const next = { ...p, maxRecvDataSegmentLength: { ...p.maxRecvDataSegmentLength }, nodeArchitecture: { ...p.nodeArchitecture } };
  const rec = next as unknown as Record<string, unknown>;
  if (def.param === 'maxRecvDataSegmentLength') {
    const n = parseNumerical(value);
    if (n !== undefined) next.maxRecvDataSegmentLength[declarer] = Number(n);
  } else if (def.param === 'nodeArchitecture') next.nodeArchitecture[declarer] = value;
  else if (def.type === 'boolean') {
    const b = parseBoolean(value);
    if (b !== undefined) rec[def.param] = b;
  } else if (def.type === 'numerical' || def.type === 'binary') {
    const n = parseNumerical(value);
    if (n !== undefined) rec[def.param] = Number(n);
  } else rec[def.param] = value;
  return next;
}

/**
 * The integrity rules §6.2 asks to check once all values are known: FirstBurstLength <= MaxBurstLength (§13.14),
 * ErrorRecoveryLevel 0 in Discovery (§7.4.1), MaxOutstandingR2T 1 when ERL > 0 and DataSequenceInOrder (§13.19).
 */
export function checkIntegrity(p: NegotiatedParams): Violation[] {
  const out: Violation[] = [];
  const irrelevantFirstBurst = p.initialR2T && !p.immediateData;
  if (p.sessionType === 'Normal' && !irrelevantFirstBurst && p.firstBurstLength > p.maxBurstLength)
    out.push(violation('text/first-burst-exceeds-max-burst', 'rfc7143/13.14',
      `FirstBurstLength ${p.firstBurstLength} exceeds MaxBurstLength ${p.maxBurstLength}`, 'FirstBurstLength'));
  if (p.sessionType === 'Discovery' && p.errorRecoveryLevel !== 0)
    out.push(violation('text/discovery-erl', 'rfc7143/7.4.1',
      `ErrorRecoveryLevel must be 0 in a Discovery session, negotiated ${p.errorRecoveryLevel}`, 'ErrorRecoveryLevel'));
  if (p.sessionType === 'Normal' && p.errorRecoveryLevel > 0 && p.dataSequenceInOrder && p.maxOutstandingR2T !== 1)
    out.push(violation('text/outstanding-r2t-with-in-order', 'rfc7143/13.19',
      `MaxOutstandingR2T must be 1 when ErrorRecoveryLevel > 0 and DataSequenceInOrder=Yes, got ${p.maxOutstandingR2T}`,
      'MaxOutstandingR2T'));
  return out;
}
