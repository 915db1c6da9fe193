// RFC 7143 §13.5 InitiatorName and §13.4 TargetName: the keys a first Login Request must carry.
import { defineSection } from '../../../harness/runner/case.js';
import { loginStatus, pass } from '../../../harness/runner/outcomes.js';
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
]);
