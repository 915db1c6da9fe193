// RFC 7143 §13.5 InitiatorName and §13.4 TargetName: the keys a first Login Request must carry.
import { defineSection } from '../../../harness/runner/case.js';
import { closed, loginStatus, nonStrict, pass } from '../../../harness/runner/outcomes.js';
import { firstStep, okResponse, Stage } from '../../support-login.js';
import { firstLoginKeys } from '../../support.js';

export default defineSection('rfc7143/13.5', 'InitiatorName', [
  {
    n: 1,
    title: 'a first Login Request without InitiatorName gets status 0x0207',
    level: 'MUST',
    requirement: 'InitiatorName must be sent in the first Login Request of every connection; without it the login fails with "Missing parameter" (0x0207).',
    tags: ['login', 'names'],
    async run(t) {
      const c = await t.connect();
      c.loginRequest({ keys: { ...firstLoginKeys(t), InitiatorName: undefined } });
      await t.expect(c, pass(loginStatus(0x02, 0x07)));
    },
  },
  {
    n: 2,
    title: 'InitiatorName declared again later in the login is a Login reject',
    level: 'MUST',
    requirement: 'InitiatorName must not be redeclared within the Login Phase; a target detecting a redeclaration answers with a Login reject (initiator error).',
    tags: ['login', 'names', 'renegotiation'],
    async run(t) {
      const { c, e } = await firstStep(t, {}, { csg: Stage.Security, nsg: Stage.Operational, transit: false });
      await t.expect(e, pass(okResponse(() => true, 'Login Response status 0x0000')));
      c.loginRequest({ keys: { InitiatorName: t.target.initiatorName }, csg: Stage.Security, nsg: Stage.Operational, transit: false });
      await t.expect(c, pass(loginStatus(0x02)), nonStrict(closed()));
    },
  },
  {
    n: 3,
    title: 'a Discovery-session login without InitiatorName gets status 0x0207',
    level: 'MUST',
    requirement: 'InitiatorName is required at the first login of every connection, Discovery sessions included; without it the login fails with "Missing parameter".',
    tags: ['login', 'names', 'discovery'],
    async run(t) {
      const { e } = await firstStep(t, { InitiatorName: undefined, TargetName: undefined, SessionType: 'Discovery' }, { transit: false });
      await t.expect(e, pass(loginStatus(0x02, 0x07)));
    },
  },
]);
