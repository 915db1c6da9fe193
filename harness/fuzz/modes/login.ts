// Mode `login`: login sequences built by hand on the wire: key sets per stage (valid, boundary, one rule
// broken), key order, identity keys sometimes missing, CHAP steps with made-up values, CSG/NSG/T/C bits,
// versions, ISID and TSIH. Every Login Request deserves a Login Response (or a close after an error, §6.1).
import fc from 'fast-check';
import { arbitraryPairs } from '../../text/arbitraries.js';
import { encodeText, type TextPair } from '../../text/codec.js';
import type { Step } from '../../script/schema.js';
import { mutateSend, sequence, type Mutated } from '../mutators.js';
import type { FuzzMode } from './mode.js';

const identity = fc.record({
  InitiatorName: fc.constantFrom('iqn.2026-11.org.iscsi-conformance:fuzz', 'iqn.2026-11.x', '', 'eui.0123456789ABCDEF'),
  SessionType: fc.constantFrom('Normal', 'Discovery', 'Bogus'),
}, { requiredKeys: [] });

const chapPairs: fc.Arbitrary<TextPair[]> = fc.subarray([
  { key: 'AuthMethod', value: 'CHAP' }, { key: 'AuthMethod', value: 'None' }, { key: 'CHAP_A', value: '5' }, { key: 'CHAP_A', value: '7,5' },
  { key: 'CHAP_N', value: 'alice' }, { key: 'CHAP_R', value: '0x' + '00'.repeat(16) }, { key: 'CHAP_I', value: '300' }, { key: 'CHAP_C', value: '0x' },
]);

/** One Login Request: stage bits, versions, session identifiers and a key set for its stage. */
const loginSend = (targetName: string): fc.Arbitrary<Extract<Step, { op: 'send' }>> => fc.record({
  stage: fc.constantFrom(0, 1, 1, 3, 2), transit: fc.boolean(), cont: fc.boolean(), nsg: fc.constantFrom(1, 3, 0, 2),
  versions: fc.oneof(fc.constant([0, 0]), fc.tuple(fc.nat(255), fc.nat(255))),
  isid: fc.oneof(fc.constant(0x80_1234_5678_00), fc.integer({ min: 0, max: 2 ** 48 - 1 })),
  tsih: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 0xffff })),
  idKeys: identity, sec: chapPairs,
  op: fc.constantFrom('valid', 'edge', 'any').chain(m => arbitraryPairs(m as 'valid', 'initiator', 'operational')),
}).map(r => {
  const pairs: TextPair[] = Object.entries(r.idKeys).map(([key, value]) => ({ key, value: value as string }));
  if (r.idKeys.SessionType !== 'Discovery') pairs.push({ key: 'TargetName', value: targetName });
  // No digest offers: these requests and what follows are raw bytes without digests, so a login that concluded
  // HeaderDigest=CRC32C would leave the target waiting for bytes never sent (a false "hang").
  pairs.push(...(r.stage === 0 ? r.sec : r.op.filter(p => p.key !== 'HeaderDigest' && p.key !== 'DataDigest')));
  return { op: 'send' as const, pdu: {
    type: 'LoginRequest', immediate: true, transit: r.transit, continue: r.cont && !r.transit, csg: r.stage, nsg: r.nsg,
    versionMax: r.versions[0], versionMin: r.versions[1], isid: r.isid, tsih: r.tsih, data: encodeText(pairs).toString('hex'),
  } };
});

/** Every Login Request needs a Login Response; a close is allowed since a login error ends the connection (§6.1, §11.13.5). */
const EXPECT_LOGIN: Step = { op: 'expect', oneOf: [{ pdu: { type: 'LoginResponse' } }, { closed: true }], ref: 'rfc7143/11.13' };

/**
 * After a request that may have ended the login (T=1 to Full Feature Phase, or bytes that are no Login Request), the
 * next Login Request can arrive in Full Feature Phase, where login PDUs are not allowed (§4.2.4): a Reject (Protocol
 * Error, §11.17.1) is then a right answer too. Found as a false finding against the reference target.
 */
const EXPECT_LOGIN_OR_REJECT: Step = { ...EXPECT_LOGIN, oneOf: [...(EXPECT_LOGIN as { oneOf: unknown[] }).oneOf, { pdu: { type: 'Reject' } }] } as Step;
export const mayEndLogin = (m: Mutated): boolean =>
  m.steps.some(s => s.op === 'send' && (!('type' in s.pdu) || s.pdu.type !== 'LoginRequest' || (s.pdu.transit === true && s.pdu.nsg === 3)));

/** The mode. */
export const loginMode: FuzzMode = {
  name: 'login',
  describe: 'Login sequences on the wire: 1-4 Login Requests with key sets per stage (valid, boundary, one rule broken), identity keys present or not, CHAP keys with made-up values, CSG/NSG/T/C bits, versions, ISID and TSIH, each mutated once; every request must get a Login Response (or a close after an error).',
  arbitrary: ctx => fc.array(loginSend(ctx.targetName).chain(mutateSend), { minLength: 1, maxLength: Math.min(4, ctx.maxBody) })
    .map(items => [{ op: 'connect' as const }, ...sequence(items, i => [items.slice(0, i).some(mayEndLogin) ? EXPECT_LOGIN_OR_REJECT : EXPECT_LOGIN]),
      { op: 'disconnect' as const }, { op: 'probe' as const }]),
};
