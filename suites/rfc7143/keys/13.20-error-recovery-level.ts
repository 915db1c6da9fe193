// RFC 7143 §13.20 ErrorRecoveryLevel: 0..2, Minimum; §7.4.1 a Discovery session answers 0.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { pass } from '../../../harness/runner/outcomes.js';
import { valuesOf } from '../../support-login.js';
import { offerCase, rangeRows } from './offer.js';

const discovery: CaseDef = {
  n: 4, title: 'ErrorRecoveryLevel=2 in a Discovery session is answered 0', level: 'MUST',
  requirement: 'When the remote side negotiates ErrorRecoveryLevel on a Discovery session, a compliant implementation proposes 0 in response.',
  ref: 'rfc7143/7.4.1', tags: ['login', 'keys', 'discovery'],
  async run(t) {
    const c = await t.connect();
    const r = await t.tryLogin(c, { sessionType: 'Discovery', keys: { ErrorRecoveryLevel: '2' } });
    await t.expect(r.event, pass({ describe: 'Discovery login succeeds with ErrorRecoveryLevel=0', test: () => r.ok && valuesOf(r, 'ErrorRecoveryLevel').length > 0 && valuesOf(r, 'ErrorRecoveryLevel').every(v => v === '0') }));
  },
};

export default defineSection('rfc7143/13.20', 'ErrorRecoveryLevel', [
  ...rangeRows('ErrorRecoveryLevel', 'min', [0, 2], [[1, '0'], [2, '2'], [3, '3']]).map(offerCase), discovery,
]);
