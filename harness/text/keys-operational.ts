// RFC 7143 §13 operational keys (plus iSCSIProtocolLevel from RFC 7144 §7.1.1), one declaration each.
import { defineKey, type KeyDef } from './key-def.js';

const BOTH = ['initiator', 'target'] as const;
const I = ['initiator'] as const;
const T = ['target'] as const;
const r = (min: number, max: number) => ({ min: BigInt(min), max: BigInt(max) });
const LEN24 = r(512, 2 ** 24 - 1);

/** Every §13 key, in section order. */
export const OPERATIONAL_KEYS: readonly KeyDef[] = [
  defineKey({ name: 'HeaderDigest', ref: 'rfc7143/13.1', type: 'list', values: ['CRC32C', 'None'], default: 'None',
    result: 'list', use: 'IO', senders: BOTH, scope: 'connection', param: 'headerDigest' }),
  defineKey({ name: 'DataDigest', ref: 'rfc7143/13.1', type: 'list', values: ['CRC32C', 'None'], default: 'None',
    result: 'list', use: 'IO', senders: BOTH, scope: 'connection', param: 'dataDigest' }),
  defineKey({ name: 'MaxConnections', ref: 'rfc7143/13.2', type: 'numerical', range: r(1, 65535), default: '1',
    result: 'min', use: 'LO', senders: BOTH, scope: 'session', irrelevantInDiscovery: true, param: 'maxConnections' }),
  // Value is All, an iSCSI name, or empty (Appendix C); answered by TargetName/TargetAddress records, not by itself.
  defineKey({ name: 'SendTargets', ref: 'rfc7143/13.3', type: 'local-name', result: 'query', use: 'FFPO', senders: I,
    scope: 'session', maxValueLength: 223 }),
  // IO when the initiator sends it; the target sends it only inside a SendTargets response (FFPO).
  defineKey({ name: 'TargetName', ref: 'rfc7143/13.4', type: 'iscsi-name', result: 'declarative',
    use: { initiator: 'IO', target: 'FFPO' }, senders: BOTH, scope: 'session', stage: 'any', maxValueLength: 223,
    param: 'targetName' }),
  defineKey({ name: 'InitiatorName', ref: 'rfc7143/13.5', type: 'iscsi-name', result: 'declarative', use: 'IO',
    senders: I, scope: 'session', stage: 'any', maxValueLength: 223, param: 'initiatorName' }),
  defineKey({ name: 'TargetAlias', ref: 'rfc7143/13.6', type: 'local-name', result: 'declarative', use: 'ALL',
    senders: T, scope: 'session', stage: 'any', param: 'targetAlias' }),
  defineKey({ name: 'InitiatorAlias', ref: 'rfc7143/13.7', type: 'local-name', result: 'declarative', use: 'ALL',
    senders: I, scope: 'session', stage: 'any', param: 'initiatorAlias' }),
  // Declarative, and repeatable: one per portal in a SendTargets record (§6.3 names it as the example).
  defineKey({ name: 'TargetAddress', ref: 'rfc7143/13.8', type: 'local-name', result: 'declarative', use: 'ALL',
    senders: T, scope: 'session', stage: 'any', repeatable: true }),
  defineKey({ name: 'TargetPortalGroupTag', ref: 'rfc7143/13.9', type: 'binary', range: r(0, 65535), result: 'declarative',
    use: 'IO', senders: T, scope: 'session', stage: 'any', maxValueLength: 2, param: 'targetPortalGroupTag' }),
  defineKey({ name: 'InitialR2T', ref: 'rfc7143/13.10', type: 'boolean', default: 'Yes', result: 'or', use: 'LO',
    senders: BOTH, scope: 'session', irrelevantInDiscovery: true, param: 'initialR2T' }),
  defineKey({ name: 'ImmediateData', ref: 'rfc7143/13.11', type: 'boolean', default: 'Yes', result: 'and', use: 'LO',
    senders: BOTH, scope: 'session', irrelevantInDiscovery: true, param: 'immediateData' }),
  // Declared per direction: each side states what it can receive; no result function.
  defineKey({ name: 'MaxRecvDataSegmentLength', ref: 'rfc7143/13.12', type: 'numerical', range: LEN24, default: '8192',
    result: 'declarative', use: 'ALL', senders: BOTH, scope: 'connection', param: 'maxRecvDataSegmentLength' }),
  defineKey({ name: 'MaxBurstLength', ref: 'rfc7143/13.13', type: 'numerical', range: LEN24, default: '262144',
    result: 'min', use: 'LO', senders: BOTH, scope: 'session', irrelevantInDiscovery: true, param: 'maxBurstLength' }),
  // Also irrelevant when InitialR2T=Yes and ImmediateData=No; must not exceed MaxBurstLength.
  defineKey({ name: 'FirstBurstLength', ref: 'rfc7143/13.14', type: 'numerical', range: LEN24, default: '65536',
    result: 'min', use: 'LO', senders: BOTH, scope: 'session', irrelevantInDiscovery: true, param: 'firstBurstLength' }),
  defineKey({ name: 'DefaultTime2Wait', ref: 'rfc7143/13.15', type: 'numerical', range: r(0, 3600), default: '2',
    result: 'max', use: 'LO', senders: BOTH, scope: 'session', param: 'defaultTime2Wait' }),
  defineKey({ name: 'DefaultTime2Retain', ref: 'rfc7143/13.16', type: 'numerical', range: r(0, 3600), default: '20',
    result: 'min', use: 'LO', senders: BOTH, scope: 'session', param: 'defaultTime2Retain' }),
  defineKey({ name: 'MaxOutstandingR2T', ref: 'rfc7143/13.17', type: 'numerical', range: r(1, 65535), default: '1',
    result: 'min', use: 'LO', senders: BOTH, scope: 'session', irrelevantInDiscovery: true, param: 'maxOutstandingR2T' }),
  defineKey({ name: 'DataPDUInOrder', ref: 'rfc7143/13.18', type: 'boolean', default: 'Yes', result: 'or', use: 'LO',
    senders: BOTH, scope: 'session', irrelevantInDiscovery: true, param: 'dataPDUInOrder' }),
  defineKey({ name: 'DataSequenceInOrder', ref: 'rfc7143/13.19', type: 'boolean', default: 'Yes', result: 'or', use: 'LO',
    senders: BOTH, scope: 'session', irrelevantInDiscovery: true, param: 'dataSequenceInOrder' }),
  // Not "Irrelevant" in Discovery: §7.4.1 says the responder MUST answer 0 there instead.
  defineKey({ name: 'ErrorRecoveryLevel', ref: 'rfc7143/13.20', type: 'numerical', range: r(0, 2), default: '0',
    result: 'min', use: 'LO', senders: BOTH, scope: 'session', param: 'errorRecoveryLevel' }),
  defineKey({ name: 'SessionType', ref: 'rfc7143/13.21', type: 'text', values: ['Discovery', 'Normal'], default: 'Normal',
    result: 'declarative', use: 'LO', senders: I, scope: 'session', stage: 'any', param: 'sessionType' }),
  defineKey({ name: 'TaskReporting', ref: 'rfc7143/13.23', type: 'list', values: ['RFC3720', 'ResponseFence', 'FastAbort'],
    default: 'RFC3720', result: 'list', use: 'LO', senders: BOTH, scope: 'session', irrelevantInDiscovery: true,
    param: 'taskReporting' }),
  // RFC 7143 §13.24 only fixes its level at 1; the key itself is defined in RFC 7144 §7.1.1 ("Use: LO, IO").
  defineKey({ name: 'iSCSIProtocolLevel', ref: 'rfc7144/7.1.1', type: 'numerical', range: r(0, 31), default: '1',
    result: 'min', use: 'LO', senders: BOTH, scope: 'session', irrelevantInDiscovery: true, param: 'iSCSIProtocolLevel' }),
  // Declarable in Discovery too (§13.26.1), total list at most 255 bytes, not Any-Stage.
  defineKey({ name: 'X#NodeArchitecture', ref: 'rfc7143/13.26', type: 'list', default: 'None', result: 'declarative',
    use: 'LO', senders: BOTH, scope: 'session', maxTotal: true, param: 'nodeArchitecture' }),
  // §13.25: IFMarker/OFMarker SHOULD be answered Reject, MAY be answered No; never NotUnderstood.
  defineKey({ name: 'OFMarker', ref: 'rfc7143/13.25', type: 'boolean', result: 'and', use: 'IO', senders: BOTH,
    scope: 'connection', obsolete: { answers: ['Reject', 'No'] } }),
  defineKey({ name: 'IFMarker', ref: 'rfc7143/13.25', type: 'boolean', result: 'and', use: 'IO', senders: BOTH,
    scope: 'connection', obsolete: { answers: ['Reject', 'No'] } }),
  // §13.25: IFMarkInt/OFMarkInt MUST be answered Reject; their old value was a numerical-range.
  defineKey({ name: 'OFMarkInt', ref: 'rfc7143/13.25', type: 'text', result: 'min', use: 'IO', senders: BOTH,
    scope: 'connection', obsolete: { answers: ['Reject'] } }),
  defineKey({ name: 'IFMarkInt', ref: 'rfc7143/13.25', type: 'text', result: 'min', use: 'IO', senders: BOTH,
    scope: 'connection', obsolete: { answers: ['Reject'] } }),
];
