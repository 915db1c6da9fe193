// RFC 7143 §12.1 AuthMethod and §6.3.2: list selection, Reject for nothing supported, CHAP targets refuse None.
import { defineSection } from '../../../harness/runner/case.js';
import { closed, loginStatus, nonStrict, pass } from '../../../harness/runner/outcomes.js';
import { firstStep, needNoAuth, okResponse, responsePairs, Stage, valuesOf } from '../../support-login.js';

const auth = (e: Parameters<typeof responsePairs>[0]): string[] => valuesOf(responsePairs(e), 'AuthMethod');

export default defineSection('rfc7143/12.1', 'AuthMethod', [
  {
    n: 1, title: 'AuthMethod=None is answered None by a target without authentication', level: 'MUST',
    requirement: 'The target replies with the first option of the list it supports and may use for this initiator; None offered alone to a target that needs no authentication is answered None.',
    ref: 'rfc7143/6.3.2', tags: ['chap', 'auth-method'],
    async run(t) {
      needNoAuth(t);
      const { e } = await firstStep(t, { AuthMethod: 'None' }, { transit: false });
      await t.expect(e, pass(okResponse(() => auth(e).every(v => v === 'None') && auth(e).length === 1, 'Login Response status 0 with AuthMethod=None')));
    },
  },
  {
    n: 2, title: 'AuthMethod=CHAP,None is answered with one of the offered methods', level: 'MUST',
    requirement: 'The target replies with the first option in the list that it supports; the answer to CHAP,None is CHAP or None, nothing else.',
    ref: 'rfc7143/6.3.2', tags: ['chap', 'auth-method'],
    async run(t) {
      const { e } = await firstStep(t, { AuthMethod: 'CHAP,None' }, { transit: false });
      await t.expect(e, pass(okResponse(() => auth(e).length === 1 && ['CHAP', 'None'].includes(auth(e)[0]!), 'Login Response status 0 with AuthMethod=CHAP or None')));
    },
  },
  {
    n: 3, title: 'an unknown private method ahead of None is skipped', level: 'MUST',
    requirement: 'List values the acceptor does not understand are ignored; Z-org.example.unknown,None offered to a target without authentication is answered None.',
    ref: 'rfc7143/6.2.1', tags: ['chap', 'auth-method'],
    async run(t) {
      needNoAuth(t);
      const { e } = await firstStep(t, { AuthMethod: 'Z-org.example.unknown,None' }, { transit: false });
      await t.expect(e, pass(okResponse(() => auth(e).length === 1 && auth(e)[0] === 'None', 'Login Response status 0 with AuthMethod=None')));
    },
  },
  {
    n: 4, title: 'an AuthMethod list with no supported method is answered Reject', level: 'MUST',
    requirement: 'If the target supports none of the offered authentication methods it must answer with "Reject" (a login failure for authentication is tolerated).',
    ref: 'rfc7143/6.3.2', tags: ['chap', 'auth-method'],
    async run(t) {
      const { e } = await firstStep(t, { AuthMethod: 'Z-org.example.unknown' }, { transit: false });
      await t.expect(e, pass(okResponse(() => auth(e).includes('Reject'), 'Login Response with AuthMethod=Reject')), nonStrict(loginStatus(0x02, 0x01)), nonStrict(closed()));
    },
  },
  {
    n: 5, title: 'a target that requires CHAP refuses AuthMethod=None', level: 'MUST',
    requirement: 'The target may only pick an option it is allowed to use for this initiator; offered only None, a CHAP-requiring target answers Reject or ends the login with Authentication failure (0x0201).',
    ref: 'rfc7143/6.3.2', tags: ['chap', 'auth-method'], requires: ['chap'],
    async run(t) {
      const { e } = await firstStep(t, { AuthMethod: 'None' }, { csg: Stage.Security, nsg: Stage.Operational, transit: true });
      await t.expect(e, pass(loginStatus(0x02, 0x01)), pass(okResponse(p => !p.transit && auth(e).includes('Reject'), 'AuthMethod=Reject without a transit')));
    },
  },
  {
    n: 6, title: 'skipping the security stage is refused by a target that requires CHAP', level: 'MUST',
    requirement: 'A target unwilling to accept the connection without SecurityNegotiation terminates it with Authentication failure (0x0201).',
    ref: 'rfc7143/6.3.1', tags: ['chap', 'auth-method'], requires: ['chap'],
    async run(t) {
      const { e } = await firstStep(t, { AuthMethod: undefined }, { csg: Stage.Operational, nsg: Stage.FullFeature, transit: true });
      await t.expect(e, pass(loginStatus(0x02, 0x01)), nonStrict(loginStatus(0x02)));
    },
  },
  {
    n: 7, title: 'AuthMethod=CHAP is answered without a stage transit', level: 'MUST',
    requirement: 'A Login Response with T=1 must not carry keys that need more answers in the same stage; choosing CHAP needs the initiator\'s CHAP_A next, so the answer has T=0 even when the request asked to transit.',
    ref: 'rfc7143/11.13.6', tags: ['chap', 'auth-method', 't-bit'], requires: ['chap'],
    async run(t) {
      const { e } = await firstStep(t, { AuthMethod: 'CHAP' }, { csg: Stage.Security, nsg: Stage.Operational, transit: true });
      await t.expect(e, pass(okResponse(p => !p.transit && auth(e).includes('CHAP'), 'Login Response status 0, AuthMethod=CHAP, T=0')));
    },
  },
]);
