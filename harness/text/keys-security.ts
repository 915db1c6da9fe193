// RFC 7143 §12 security keys: AuthMethod and the Kerberos, SRP and CHAP exchange keys, one declaration each.
import { defineKey, type KeyDef } from './key-def.js';

const BOTH = ['initiator', 'target'] as const;
const I = ['initiator'] as const;
const T = ['target'] as const;
// §12: only in the SecurityNegotiation stage, and "All security keys have connection-wide applicability".
const SEC = { use: 'IO', scope: 'connection', stage: 'security' } as const;

/** Every §12 key. */
export const SECURITY_KEYS: readonly KeyDef[] = [
  // No default is written in §12.1; a login without AuthMethod simply performs no authentication.
  defineKey({ name: 'AuthMethod', ref: 'rfc7143/12.1', type: 'list', values: ['KRB5', 'SRP', 'CHAP', 'None'],
    result: 'list', senders: BOTH, param: 'authMethod', ...SEC }),
  // Binary length at most 65536 bytes (§12.1.1).
  defineKey({ name: 'KRB_AP_REQ', ref: 'rfc7143/12.1.1', type: 'binary', result: 'exchange', senders: I,
    maxValueLength: 65536, ...SEC }),
  defineKey({ name: 'KRB_AP_REP', ref: 'rfc7143/12.1.1', type: 'binary', result: 'exchange', senders: T,
    maxValueLength: 65536, ...SEC }),
  // SRP (§12.1.2): U and G are text strings; s, A, B, M, H(A|M|K) binary, at most 1024 bytes each.
  defineKey({ name: 'SRP_U', ref: 'rfc7143/12.1.2', type: 'text', result: 'exchange', senders: I, ...SEC }),
  defineKey({ name: 'TargetAuth', ref: 'rfc7143/12.1.2', type: 'boolean', result: 'exchange', senders: I, ...SEC }),
  // The target proposes a list of groups, the initiator selects one of them: a list negotiation led by the target.
  defineKey({ name: 'SRP_GROUP', ref: 'rfc7143/12.1.2', type: 'list',
    values: ['SRP-768', 'SRP-1024', 'SRP-1280', 'SRP-1536', 'SRP-2048', 'MODP-3072', 'MODP-4096', 'MODP-6144', 'MODP-8192'],
    result: 'list', senders: BOTH, ...SEC }),
  defineKey({ name: 'SRP_s', ref: 'rfc7143/12.1.2', type: 'binary', result: 'exchange', senders: T, maxValueLength: 1024, ...SEC }),
  defineKey({ name: 'SRP_A', ref: 'rfc7143/12.1.2', type: 'binary', result: 'exchange', senders: I, maxValueLength: 1024, ...SEC }),
  defineKey({ name: 'SRP_B', ref: 'rfc7143/12.1.2', type: 'binary', result: 'exchange', senders: T, maxValueLength: 1024, ...SEC }),
  defineKey({ name: 'SRP_M', ref: 'rfc7143/12.1.2', type: 'binary', result: 'exchange', senders: I, maxValueLength: 1024, ...SEC }),
  defineKey({ name: 'SRP_HM', ref: 'rfc7143/12.1.2', type: 'binary', result: 'exchange', senders: T, maxValueLength: 1024, ...SEC }),
  // CHAP (§12.1.3): the initiator proposes algorithms, the target selects one (5 = MD5 must be offered).
  defineKey({ name: 'CHAP_A', ref: 'rfc7143/12.1.3', type: 'list', range: { min: 0n, max: 255n }, values: ['5'],
    result: 'list', senders: BOTH, ...SEC }),
  // I is a number; RFC 1994 makes the identifier one octet. Both sides send it for mutual CHAP.
  defineKey({ name: 'CHAP_I', ref: 'rfc7143/12.1.3', type: 'numerical', range: { min: 0n, max: 255n }, result: 'exchange',
    senders: BOTH, ...SEC }),
  defineKey({ name: 'CHAP_C', ref: 'rfc7143/12.1.3', type: 'binary', result: 'exchange', senders: BOTH,
    maxValueLength: 1024, ...SEC }),
  defineKey({ name: 'CHAP_N', ref: 'rfc7143/12.1.3', type: 'local-name', result: 'exchange', senders: BOTH, ...SEC }),
  defineKey({ name: 'CHAP_R', ref: 'rfc7143/12.1.3', type: 'binary', result: 'exchange', senders: BOTH,
    maxValueLength: 1024, ...SEC }),
];
