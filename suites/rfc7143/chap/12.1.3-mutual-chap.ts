// RFC 7143 §12.1.3 mutual CHAP and §9.2.1: the target's CHAP_N/CHAP_R, challenge sizes, reflection refused.
import { randomBytes } from 'node:crypto';
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { closed, loginStatus, nonStrict, pass } from '../../../harness/runner/outcomes.js';
import { parseBinary } from '../../../harness/text/codec.js';
import { md5Response, okResponse, responsePairs, valuesOf } from '../../support-login.js';
import { md5Challenge, respond, rightResponse } from './chap-flow.js';

const MUTUAL = ['chap', 'mutual-chap'] as const;

/** A mutual step whose answer must carry the target's name and the right response to `challenge`. */
const answered = (n: number, title: string, requirement: string, challenge: Buffer, enc: 'hex' | 'base64'): CaseDef => ({
  n, title, level: 'MUST', requirement, tags: ['chap', 'mutual'], requires: MUTUAL,
  async run(t) {
    const ch = await md5Challenge(t);
    const id = 0x42;
    const cc = enc === 'hex' ? `0x${challenge.toString('hex')}` : `0b${challenge.toString('base64')}`;
    const e = await respond(ch, [{ key: 'CHAP_N', value: t.target.user! }, { key: 'CHAP_R', value: rightResponse(t, ch) }, { key: 'CHAP_I', value: String(id) }, { key: 'CHAP_C', value: cc }]);
    const want = md5Response(id, t.target.targetSecret!, challenge);
    const p = responsePairs(e);
    const r = valuesOf(p, 'CHAP_R')[0];
    const got = r === undefined ? undefined : parseBinary(r);
    await t.expect(e, pass(okResponse(() => valuesOf(p, 'CHAP_N')[0] === t.target.targetUser && got !== undefined && got.equals(want),
      "Login Response status 0 with the target's CHAP_N and the CHAP_R for our challenge")));
  },
});

const refusedStep = (n: number, title: string, requirement: string, ref: string, extra: (ch: Awaited<ReturnType<typeof md5Challenge>>) => { key: string; value: string }[]): CaseDef => ({
  n, title, level: 'MUST', requirement, ref, tags: ['chap', 'mutual'], requires: MUTUAL,
  async run(t) {
    const ch = await md5Challenge(t);
    const e = await respond(ch, [{ key: 'CHAP_N', value: t.target.user! }, { key: 'CHAP_R', value: rightResponse(t, ch) }, ...extra(ch)]);
    await t.expect(e, pass(loginStatus(0x02, 0x01)), pass(closed()), nonStrict(loginStatus(0x02)));
  },
});

export default defineSection('rfc7143/12.1.3', 'Challenge Handshake Authentication Protocol (CHAP)', [
  answered(20, 'mutual CHAP: the target answers a hex challenge with its name and the right CHAP_R', 'If the initiator requires target authentication (CHAP_I and CHAP_C with its response), the target replies with CHAP_N and CHAP_R = MD5(I || target secret || C), or rejects the login.', randomBytes(16), 'hex'),
  answered(21, 'mutual CHAP: a base64 challenge is answered just the same', 'Hex or base64 encoding may be used for C; a base64 CHAP_C gets the same CHAP_R as its bytes.', randomBytes(16), 'base64'),
  answered(22, 'mutual CHAP: a challenge of 1024 bytes is accepted', 'C is a binary value whose length must not exceed 1024 bytes; 1024 bytes is within the limit and is answered.', randomBytes(1024), 'hex'),
  refusedStep(23, 'mutual CHAP: a challenge of 1025 bytes is refused', 'The binary length of C must not exceed 1024 bytes; a longer challenge is not answered but refused.', 'rfc7143/12.1.3',
    () => [{ key: 'CHAP_I', value: '7' }, { key: 'CHAP_C', value: `0x${randomBytes(1025).toString('hex')}` }]),
  refusedStep(24, 'mutual CHAP: the target\'s own challenge reflected back is refused', 'An originator must not reuse the responder\'s challenge for the other direction; responders must check for this and close the connection.', 'rfc7143/9.2.1',
    ch => [{ key: 'CHAP_I', value: String(ch.id) }, { key: 'CHAP_C', value: `0x${ch.challenge.toString('hex')}` }]),
  refusedStep(25, 'mutual CHAP: CHAP_C without CHAP_I is refused', 'For target authentication the initiator continues with CHAP_N, CHAP_R, CHAP_I and CHAP_C together; a challenge without its identifier cannot be answered.', 'rfc7143/12.1.3',
    () => [{ key: 'CHAP_C', value: `0x${randomBytes(16).toString('hex')}` }]),
  {
    n: 26, title: 'mutual CHAP: the target\'s final security answer moves to the next stage (T=1)', level: 'MUST',
    requirement: 'When the initiator is ready it sets T=1; the target sets T=1 with the next stage once it has sent its security keys, and its CHAP_N/CHAP_R need no further answer.',
    ref: 'rfc7143/6.3.2', tags: ['chap', 'mutual', 't-bit'], requires: MUTUAL,
    async run(t) {
      const ch = await md5Challenge(t);
      const e = await respond(ch, [{ key: 'CHAP_N', value: t.target.user! }, { key: 'CHAP_R', value: rightResponse(t, ch) }, { key: 'CHAP_I', value: '9' }, { key: 'CHAP_C', value: `0x${randomBytes(16).toString('hex')}` }]);
      await t.expect(e, pass(okResponse(p => p.transit && p.nsg === 1 && valuesOf(responsePairs(e), 'CHAP_R').length === 1, 'Login Response status 0, T=1, NSG=1 with CHAP_R')));
    },
  },
]);
