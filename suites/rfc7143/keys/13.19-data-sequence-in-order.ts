// RFC 7143 §13.19 DataSequenceInOrder: Boolean OR; with ERL > 0 and DataSequenceInOrder=Yes, MaxOutstandingR2T must be 1.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { loginStatus, pass } from '../../../harness/runner/outcomes.js';
import { parseNumber, valuesOf } from '../../support-login.js';
import { boolRows } from './bool.js';
import { offerCase } from './offer.js';

const integrity: CaseDef = {
  n: 4, title: 'with ErrorRecoveryLevel > 0 and DataSequenceInOrder=Yes, MaxOutstandingR2T ends up 1', level: 'MUST',
  requirement: 'If ErrorRecoveryLevel is not 0 and DataSequenceInOrder is Yes, MaxOutstandingR2T must be 1; the target checks integrity before the values take effect.',
  ref: 'rfc7143/13.19', tags: ['login', 'keys', 'integrity'],
  async run(t) {
    const c = await t.connect();
    const r = await t.tryLogin(c, { keys: { ErrorRecoveryLevel: '2', DataSequenceInOrder: 'Yes', MaxOutstandingR2T: '4' } });
    const erl = parseNumber(valuesOf(r, 'ErrorRecoveryLevel').at(-1)) ?? 0;
    const dsio = valuesOf(r, 'DataSequenceInOrder').at(-1) ?? 'Yes';
    const mor = parseNumber(valuesOf(r, 'MaxOutstandingR2T').at(-1)) ?? 1;
    await t.expect(r.event,
      pass({ describe: `login succeeds with MaxOutstandingR2T=1 whenever ErrorRecoveryLevel > 0 and DataSequenceInOrder=Yes (got ERL ${erl}, ${dsio}, MOR ${mor})`,
        test: () => r.ok && (erl === 0 || dsio !== 'Yes' || mor === 1) }),
      pass(loginStatus(0x02)));
  },
};

export default defineSection('rfc7143/13.19', 'DataSequenceInOrder', [...boolRows('DataSequenceInOrder', 'OR', 1, 'yes').map(offerCase), integrity]);
