// RFC 7143 §13.4 TargetName: required in the first Login Request of a Normal session.
import { defineSection } from '../../../harness/runner/case.js';
import { closed, loginStatus, nonStrict, pass } from '../../../harness/runner/outcomes.js';
import { firstStep, okResponse, Stage } from '../../support-login.js';
import { firstLoginKeys } from '../../support.js';

export default defineSection('rfc7143/13.4', 'TargetName', [
  {
    n: 1,
    title: 'a Normal-session login without TargetName gets status 0x0207',
    level: 'MUST',
    requirement: 'TargetName must be sent in the first Login Request of a Normal session; without it the login fails with "Missing parameter" (0x0207).',
    tags: ['login', 'names'],
    async run(t) {
      const c = await t.connect();
      c.loginRequest({ keys: { ...firstLoginKeys(t), TargetName: undefined } });
      await t.expect(c, pass(loginStatus(0x02, 0x07)));
    },
  },
  {
    n: 2,
    title: 'a Discovery-session login without TargetName is accepted',
    level: 'MUST',
    requirement: 'TargetName is required in the first Login Request only when the initiator is not establishing a Discovery session.',
    tags: ['login', 'names', 'discovery'],
    async run(t) {
      const { e } = await firstStep(t, { TargetName: undefined, SessionType: 'Discovery' }, { transit: false });
      await t.expect(e, pass(okResponse(() => true, 'Login Response status 0x0000')));
    },
  },
  {
    n: 3,
    title: 'TargetName declared again later in the login is a Login reject',
    level: 'MUST',
    requirement: 'TargetName must not be redeclared within the Login Phase; a target detecting a redeclaration answers with a Login reject (initiator error).',
    tags: ['login', 'names', 'renegotiation'],
    async run(t) {
      const { c, e } = await firstStep(t, {}, { csg: Stage.Security, nsg: Stage.Operational, transit: false });
      await t.expect(e, pass(okResponse(() => true, 'Login Response status 0x0000')));
      c.loginRequest({ keys: { TargetName: t.target.iqn }, csg: Stage.Security, nsg: Stage.Operational, transit: false });
      await t.expect(c, pass(loginStatus(0x02)), nonStrict(closed()));
    },
  },
]);
