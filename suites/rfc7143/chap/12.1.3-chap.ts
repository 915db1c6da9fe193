// RFC 7143 §12.1.3 CHAP (one-way): CHAP_A selection, the challenge, CHAP_R encodings, wrong responses -> 0x0201.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { closed, loginStatus, nonStrict, pass } from '../../../harness/runner/outcomes.js';
import { md5Response, okResponse, valuesOf } from '../../support-login.js';
import { challenge, md5Challenge, respond, rightResponse } from './chap-flow.js';

const CHAP = ['chap'] as const;

const algo = (n: number, offer: string, title: string, requirement: string): CaseDef => ({
  n, title, level: 'MUST', requirement, tags: ['chap', 'chap-a'], requires: CHAP,
  async run(t) {
    const ch = await challenge(t, offer);
    // §12.1.3 always allows the target a Login reject (Authentication failure) instead of a challenge; §6.2.1 asks
    // it to skip values it does not understand, so the reject is tolerated only where the offer holds such a value.
    const odd = offer.split(',').some(v => !/^\d+$/.test(v));
    await t.expect(ch.e, pass(okResponse(() => ch.algorithm === '5' && ch.id !== undefined && ch.challenge !== undefined, 'Login Response with CHAP_A=5, CHAP_I and CHAP_C')),
      ...(odd ? [nonStrict(loginStatus(0x02, 0x01))] : []));
  },
});

const authFails = (n: number, title: string, requirement: string, build: (t: Parameters<CaseDef['run']>[0], ch: Awaited<ReturnType<typeof md5Challenge>>) => { key: string; value: string }[]): CaseDef => ({
  n, title, level: 'MUST', requirement, tags: ['chap', 'chap-r'], requires: CHAP,
  async run(t) {
    const ch = await md5Challenge(t);
    const e = await respond(ch, build(t, ch));
    await t.expect(e, pass(loginStatus(0x02, 0x01)), nonStrict(loginStatus(0x02)), nonStrict(closed()));
  },
});

const succeeds = (n: number, enc: 'hex' | 'HEX' | 'base64', title: string, requirement: string): CaseDef => ({
  n, title, level: 'MUST', requirement, tags: ['chap', 'chap-r'], requires: CHAP,
  async run(t) {
    const ch = await md5Challenge(t);
    const e = await respond(ch, [{ key: 'CHAP_N', value: t.target.user! }, { key: 'CHAP_R', value: rightResponse(t, ch, enc) }]);
    await t.expect(e, pass(okResponse(p => p.transit && p.nsg === 1, 'Login Response status 0, T=1, NSG=1 (authenticated)')));
  },
});

export default defineSection('rfc7143/12.1.3', 'Challenge Handshake Authentication Protocol (CHAP)', [
  algo(1, '5', 'CHAP_A=5 is answered with CHAP_A=5, CHAP_I and CHAP_C', 'The target answers CHAP_A with the chosen algorithm, an identifier and a challenge (or a Login reject); MD5 (5) must be implemented.'),
  {
    n: 2, title: 'CHAP_A with only an unsupported algorithm (1) is not accepted', level: 'MUST',
    requirement: 'The target answers with CHAP_A being one of the proposed algorithms or with a Login reject (Authentication failure); with none supported, Reject or the Login reject are left.',
    tags: ['chap', 'chap-a'], requires: CHAP,
    async run(t) {
      const ch = await challenge(t, '1');
      await t.expect(ch.e, pass(loginStatus(0x02, 0x01)), pass(okResponse(() => valuesOf(ch.pairs, 'CHAP_A').includes('Reject') && !valuesOf(ch.pairs, 'CHAP_C').length, 'CHAP_A=Reject and no challenge')));
    },
  },
  algo(3, '1,5', 'CHAP_A=1,5 selects 5, the first supported proposal', 'The target answers with one of the proposed algorithms: the first it supports in the initiator\'s order of preference, here 5.'),
  algo(4, 'Bogus,5', 'an algorithm value the target does not understand is skipped', 'An acceptor ignores list values it does not understand; Bogus,5 is answered CHAP_A=5.'),
  {
    n: 5, title: 'the challenge is answered with T=0 even when the CHAP_A request had T=1', level: 'MUST',
    requirement: 'A Login Response with T=1 must not carry keys that need more answers in the stage; CHAP_C needs CHAP_N/CHAP_R, so the challenge comes with T=0.',
    ref: 'rfc7143/11.13.6', tags: ['chap', 't-bit'], requires: CHAP,
    async run(t) {
      const ch = await challenge(t, '5', true);
      await t.expect(ch.e, pass(okResponse(p => !p.transit && ch.challenge !== undefined, 'Login Response status 0 with CHAP_C and T=0')));
    },
  },
  {
    n: 6, title: 'the CHAP_I and CHAP_C the target sends are well-formed', level: 'MUST',
    requirement: 'CHAP_I is a number (an identifier of 0..255 per RFC 1994) and CHAP_C a binary value of at most 1024 bytes, hex or base64 encoded.',
    tags: ['chap', 'chap-c'], requires: CHAP,
    async run(t) {
      const ch = await challenge(t, '5');
      await t.expect(ch.e, pass(okResponse(() => ch.id !== undefined && ch.id >= 0 && ch.id <= 255 && ch.challenge !== undefined && ch.challenge.length >= 1 && ch.challenge.length <= 1024,
        'CHAP_I in 0..255 and a CHAP_C of 1..1024 bytes')));
    },
  },
  succeeds(7, 'hex', 'the right CHAP_R in hex authenticates the initiator', 'CHAP_R = MD5(CHAP_I || secret || CHAP_C) (RFC 1994) in hex; the target lets the initiator on to the next stage.'),
  succeeds(8, 'base64', 'the right CHAP_R in base64 (0b...) authenticates the initiator', 'Hex or base64 encoding may be used for C and R; a base64 CHAP_R is accepted like the hex one.'),
  succeeds(9, 'HEX', 'the right CHAP_R as an upper-case 0X hex-constant is accepted', 'A hex-constant starts with "0x" or "0X" followed by digits or a-f/A-F; the upper-case form encodes the same response.'),
  authFails(10, 'a wrong CHAP_R gets Authentication failure (0x0201)', 'If the initiator authentication fails, the target must answer with a Login reject with "Authentication Failure".',
    (t, ch) => [{ key: 'CHAP_N', value: t.target.user! }, { key: 'CHAP_R', value: `0x${Buffer.alloc(16, 0xa5).toString('hex')}` }]),
  authFails(11, 'an unknown CHAP_N gets Authentication failure (0x0201)', 'The response is judged for the name given; an unknown name cannot be authenticated, so the login is rejected with "Authentication Failure".',
    (t, ch) => [{ key: 'CHAP_N', value: `${t.target.user!}-unknown` }, { key: 'CHAP_R', value: rightResponse(t, ch) }]),
  authFails(12, 'a CHAP_R computed with another identifier gets 0x0201', 'The response covers the identifier (RFC 1994 §4.1); one computed with CHAP_I+1 does not authenticate.',
    (t, ch) => [{ key: 'CHAP_N', value: t.target.user! }, { key: 'CHAP_R', value: `0x${md5Response((ch.id + 1) & 0xff, t.target.secret!, ch.challenge).toString('hex')}` }]),
  authFails(13, 'a CHAP_R of the wrong length (15 bytes) gets 0x0201', 'An MD5 CHAP response is 16 bytes; a 15-byte response cannot authenticate the initiator.',
    (t, ch) => [{ key: 'CHAP_N', value: t.target.user! }, { key: 'CHAP_R', value: `0x${rightResponse(t, ch).slice(2, 32)}` }]),
  {
    n: 14, title: 'leaving out CHAP_N and CHAP_R never leads past the security stage', level: 'MUST',
    requirement: 'After the challenge the initiator must continue with CHAP_N and CHAP_R; an empty request asking to transit is not an authentication, so the target rejects the login or keeps T=0.',
    tags: ['chap', 'chap-r'], requires: CHAP,
    async run(t) {
      const ch = await md5Challenge(t);
      const e = await respond(ch, [{ key: 'InitiatorAlias', value: 'no response' }]);
      await t.expect(e, pass(loginStatus(0x02)), pass(okResponse(p => !p.transit, 'Login Response status 0 with T=0')), nonStrict(closed()));
    },
  },
  {
    n: 15, title: 'two logins get different challenges', level: 'SHOULD',
    requirement: 'Each challenge value should be unique, since a repeated challenge with the same secret lets an attacker replay an intercepted response.',
    ref: 'rfc1994/2.3', tags: ['chap', 'chap-c'], requires: CHAP,
    async run(t) {
      const a = await md5Challenge(t), b = await md5Challenge(t);
      t.check(!a.challenge.equals(b.challenge), 'two different CHAP_C values', 'the same CHAP_C twice');
    },
  },
  {
    n: 16, title: 'a CHAP_R replayed from an earlier login is refused', level: 'MUST',
    requirement: 'A response computed for another login\'s challenge does not authenticate the initiator: Login reject with "Authentication Failure".',
    tags: ['chap', 'chap-r'], requires: CHAP,
    async run(t) {
      const a = await md5Challenge(t);
      const old = rightResponse(t, a);
      const b = await md5Challenge(t);
      if (a.challenge.equals(b.challenge) && a.id === b.id) t.fail('a fresh challenge for the second login', 'the same CHAP_I and CHAP_C again', 'rfc1994/2.3');
      const e = await respond(b, [{ key: 'CHAP_N', value: t.target.user! }, { key: 'CHAP_R', value: old }]);
      await t.expect(e, pass(loginStatus(0x02, 0x01)), nonStrict(loginStatus(0x02)), nonStrict(closed()));
    },
  },
  {
    n: 17, title: 'CHAP keys in the operational stage are not accepted', level: 'MUST',
    requirement: 'Authentication keys must be completely negotiated in the SecurityNegotiation stage; a CHAP key sent in the operational stage is a key not allowed there, a protocol error.',
    ref: 'rfc7143/6.3', tags: ['chap', 'stages'], requires: CHAP,
    async run(t) {
      const c = await t.connect();
      const r = await t.tryLogin(c, { keys: { CHAP_A: '5' } });
      await t.expect(r.event, pass({ describe: 'CHAP_A answered Reject', test: () => valuesOf(r, 'CHAP_A').includes('Reject') }), pass(loginStatus(0x02)), nonStrict(closed()));
    },
  },
]);
