// RFC 7143 §13.4 TargetName: required in the first Login Request of a Normal session.
import { defineSection } from '../../../harness/runner/case.js';
import { loginStatus, pass } from '../../../harness/runner/outcomes.js';
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
]);
