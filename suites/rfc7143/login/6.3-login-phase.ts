// RFC 7143 §6.3 Login Phase: stage transitions (the table), NSG selection, renegotiation, keys outside their stage.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { closed, loginStatus, nonStrict, pass } from '../../../harness/runner/outcomes.js';
import { firstStep, namePairs, needNoAuth, notNotUnderstood, okResponse, refused, responsePairs, sendPairs, Stage } from '../../support-login.js';

// Transitions the §6.3 table forbids, each with its own n: [n, from CSG, to NSG, words].
const illegal: Array<[number, number, number, string]> = [
  [4, Stage.Operational, Stage.Operational, 'Operational to Operational'],
  [5, Stage.Operational, Stage.Security, 'Operational back to Security'],
  [6, Stage.Security, Stage.Security, 'Security to Security'],
  [7, Stage.FullFeature, Stage.FullFeature, '(start) in FullFeaturePhase'],
];

const transitions = illegal.map(([n, csg, nsg, words]): CaseDef => ({
  n, title: `the illegal transition ${words} is refused`, level: 'MUST',
  requirement: `Stage transitions are only possible as the table of §6.3 shows; ${words} is not among them, so the target answers with a Login reject (initiator error).`,
  tags: ['login', 'stages'],
  async run(t) {
    needNoAuth(t);
    const { e } = await firstStep(t, {}, { csg, nsg, transit: true });
    await t.expect(e, pass(loginStatus(0x02)), nonStrict(closed()));
  },
}));

export default defineSection('rfc7143/6.3', 'Login Phase', [
  {
    n: 1, title: 'a login may skip the security stage (CSG=1 straight to Full Feature Phase)', level: 'MUST',
    requirement: 'An initiator may start in LoginOperationalNegotiation with T=1 and NSG=FullFeaturePhase; the target either finishes the login or refuses it with Authentication failure.',
    ref: 'rfc7143/6.3.1', tags: ['login', 'stages'],
    async run(t) {
      needNoAuth(t);
      const { e } = await firstStep(t, { AuthMethod: undefined }, { csg: Stage.Operational, nsg: Stage.FullFeature, transit: true });
      await t.expect(e, pass(okResponse(p => p.transit && p.nsg === Stage.FullFeature && p.tsih !== 0, 'final Login Response (T=1, NSG=3, TSIH != 0)')),
        pass(loginStatus(0x02, 0x01)));
    },
  },
  {
    n: 2, title: 'Security straight to FullFeaturePhase gets a TSIH when the target goes there', level: 'MUST',
    requirement: 'Security to FullFeature is a legal transition; the target picks the next stage (not beyond the one asked for) and, if it is FullFeaturePhase, replies with the TSIH.',
    ref: 'rfc7143/6.3.2', tags: ['login', 'stages', 'tsih'],
    async run(t) {
      needNoAuth(t);
      const { e } = await firstStep(t, {}, { csg: Stage.Security, nsg: Stage.FullFeature, transit: true });
      await t.expect(e, pass(okResponse(p => !(p.transit && p.nsg === Stage.FullFeature) || p.tsih !== 0, 'Login Response status 0 whose TSIH is non-zero if it enters FullFeaturePhase')));
    },
  },
  {
    n: 3, title: 'the NSG the target selects does not exceed the one the initiator asked for', level: 'MUST',
    requirement: 'The target selects the next stage through NSG and the selected NSG must not exceed the value stated by the initiator.',
    tags: ['login', 'stages'],
    async run(t) {
      const { e } = await firstStep(t, {}, { csg: Stage.Security, nsg: Stage.Operational, transit: true });
      await t.expect(e, pass(okResponse(p => !p.transit || p.nsg <= Stage.Operational, 'Login Response status 0 with NSG <= 1 when T=1')));
    },
  },
  ...transitions,
  {
    n: 8, title: 'the same key twice in one Login Request is a Login reject (initiator error)', level: 'MUST',
    requirement: 'A parameter must not be negotiated more than once during login; a target detecting such an attempt responds with a Login reject (initiator error).',
    tags: ['login', 'renegotiation'],
    async run(t) {
      needNoAuth(t);
      const c = await t.connect();
      sendPairs(c, [...namePairs(t), { key: 'MaxBurstLength', value: '65536' }, { key: 'MaxBurstLength', value: '65536' }], { csg: Stage.Operational, nsg: Stage.FullFeature, transit: true });
      await t.expect(c, pass(loginStatus(0x02)), nonStrict(closed()));
    },
  },
  {
    n: 9, title: 'a key offered again in a later request of the same login is a Login reject', level: 'MUST',
    requirement: 'Renegotiating a parameter during login must be detected; the target responds with a Login reject (initiator error).',
    tags: ['login', 'renegotiation'],
    async run(t) {
      needNoAuth(t);
      const c = await t.connect();
      sendPairs(c, [...namePairs(t), { key: 'MaxBurstLength', value: '65536' }], { csg: Stage.Operational, nsg: Stage.FullFeature, transit: false });
      await t.expect(c, pass(okResponse(() => true, 'Login Response status 0')));
      sendPairs(c, [{ key: 'MaxBurstLength', value: '65536' }], { csg: Stage.Operational, nsg: Stage.FullFeature, transit: true });
      await t.expect(c, pass(loginStatus(0x02)), nonStrict(closed()));
    },
  },
  {
    n: 10, title: 'an operational key in the security stage is not accepted', level: 'MUST',
    requirement: 'Only the keys of §12 and the Any-Stage keys may be used in SecurityNegotiation; sending another key there is a protocol error, so it is refused (Reject or Login reject), never answered NotUnderstood.',
    ref: 'rfc7143/12', tags: ['login', 'stages'],
    async run(t) {
      const { e } = await firstStep(t, { MaxBurstLength: '65536' }, { csg: Stage.Security, nsg: Stage.Operational, transit: false });
      const r = { ok: false, event: e, keys: {}, pairs: responsePairs(e) };
      notNotUnderstood(t, r, 'MaxBurstLength');
      await t.expect(e, ...refused(r, 'MaxBurstLength'));
    },
  },
]);
