// RFC 7143 §13.21 SessionType: Discovery or Normal; a Discovery session implies MaxConnections=1.
import { defineSection } from '../../../harness/runner/case.js';
import { closed, loginStatus, nonStrict, pass } from '../../../harness/runner/outcomes.js';
import { firstStep, valuesOf } from '../../support-login.js';

export default defineSection('rfc7143/13.21', 'SessionType', [
  {
    n: 1, title: 'an unknown SessionType value is refused with an initiator error', level: 'MUST',
    requirement: 'SessionType is Discovery or Normal; the target accepts or rejects the type, so another value ends the login with a class 0x02 status (e.g. 0x0209).',
    tags: ['login', 'session-type'],
    async run(t) {
      const { e } = await firstStep(t, { SessionType: 'Archive' }, { transit: false });
      await t.expect(e, pass(loginStatus(0x02)), nonStrict(closed()));
    },
  },
  {
    n: 2, title: 'a Discovery session logs in with InitiatorName and SessionType only', level: 'MUST',
    requirement: 'A Discovery session needs no TargetName; with SessionType=Discovery the login reaches Full Feature Phase.',
    tags: ['login', 'session-type', 'discovery'],
    async run(t) {
      const c = await t.connect();
      const r = await t.tryLogin(c, { sessionType: 'Discovery' });
      await t.expect(r.event, pass({ describe: 'Discovery login reaches Full Feature Phase', test: () => r.ok }));
    },
  },
  {
    n: 3, title: 'MaxConnections offered in a Discovery session is Irrelevant or 1', level: 'MUST',
    requirement: 'A Discovery session implies MaxConnections=1, overriding an explicit setting; MaxConnections is irrelevant there, so the answer is Irrelevant or 1.',
    tags: ['login', 'session-type', 'discovery'],
    async run(t) {
      const c = await t.connect();
      const r = await t.tryLogin(c, { sessionType: 'Discovery', keys: { MaxConnections: '4' } });
      const v = valuesOf(r, 'MaxConnections');
      await t.expect(r.event, pass({ describe: 'Discovery login succeeds with MaxConnections answered Irrelevant or 1', test: () => r.ok && v.every(x => x === 'Irrelevant' || x === '1') }));
    },
  },
]);
