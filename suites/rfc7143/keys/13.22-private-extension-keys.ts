// RFC 7143 §13.22 private extension keys and §6.2 NotUnderstood: an unknown X- key is answered NotUnderstood.
import { defineSection } from '../../../harness/runner/case.js';
import { pass } from '../../../harness/runner/outcomes.js';
import { keyAnswer } from '../../support-login.js';

export default defineSection('rfc7143/13.22', 'The Private Extension Key Format', [
  {
    n: 1, title: 'an unknown private X- key is answered NotUnderstood and the login goes on', level: 'MUST',
    requirement: 'A key the acceptor does not understand may be ignored without affecting the basic function, but its answer must be key=NotUnderstood.',
    ref: 'rfc7143/6.2', tags: ['login', 'keys', 'not-understood'],
    async run(t) {
      const key = 'X-org.iscsi-conformance.unknown-key';
      const c = await t.connect();
      const r = await t.tryLogin(c, { keys: { [key]: 'Yes' } });
      await t.expect(r.event, pass({ ...keyAnswer(r, key, v => v === 'NotUnderstood', 'NotUnderstood'), describe: `login succeeds with ${key}=NotUnderstood` }));
      t.check(r.ok, 'login reaches Full Feature Phase', r.problem ?? 'not logged in');
    },
  },
]);
