// RFC 7143 §13.14 FirstBurstLength: 512..2^24-1, Minimum, not above MaxBurstLength, Irrelevant with InitialR2T=Yes and ImmediateData=No.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { loginStatus, pass } from '../../../harness/runner/outcomes.js';
import { keyRejected, notNotUnderstood, parseNumber, valuesOf } from '../../support-login.js';
import { offerCase, rangeRows } from './offer.js';

const RANGE: [number, number] = [512, 2 ** 24 - 1];

const integrity: CaseDef = {
  n: 4, title: 'FirstBurstLength never ends up above MaxBurstLength', level: 'MUST',
  requirement: 'FirstBurstLength must not exceed MaxBurstLength; offered 65536 with MaxBurstLength=4096, the target (which checks integrity before values take effect) answers so that FirstBurstLength <= MaxBurstLength, or refuses.',
  ref: 'rfc7143/13.14', tags: ['login', 'keys', 'integrity'],
  async run(t) {
    const c = await t.connect();
    const r = await t.tryLogin(c, { keys: { MaxBurstLength: '4096', FirstBurstLength: '65536' } });
    notNotUnderstood(t, r, 'FirstBurstLength');
    const fbl = parseNumber(valuesOf(r, 'FirstBurstLength').at(-1)), mbl = parseNumber(valuesOf(r, 'MaxBurstLength').at(-1));
    await t.expect(r.event,
      pass({ describe: 'login succeeds with answers FirstBurstLength <= MaxBurstLength <= 4096', test: () => r.ok && fbl !== undefined && mbl !== undefined && fbl <= mbl && mbl <= 4096 }),
      pass(keyRejected(r, 'FirstBurstLength')), pass(loginStatus(0x02)));
  },
};

const irrelevant: CaseDef = {
  n: 5, title: 'FirstBurstLength with InitialR2T=Yes and ImmediateData=No is Irrelevant or a Minimum answer', level: 'MUST',
  requirement: 'FirstBurstLength is irrelevant when InitialR2T=Yes and ImmediateData=No; the acceptor may answer Irrelevant, and any numeric answer still obeys Minimum.',
  ref: 'rfc7143/6.2', tags: ['login', 'keys', 'irrelevant'],
  async run(t) {
    const c = await t.connect();
    const r = await t.tryLogin(c, { keys: { InitialR2T: 'Yes', ImmediateData: 'No', FirstBurstLength: '4096' } });
    notNotUnderstood(t, r, 'FirstBurstLength');
    const ans = valuesOf(r, 'FirstBurstLength');
    await t.expect(r.event, pass({ describe: 'login succeeds with FirstBurstLength=Irrelevant, no answer, or a value <= 4096',
      test: () => r.ok && ans.every(v => v === 'Irrelevant' || (parseNumber(v) ?? Infinity) <= 4096) }));
  },
};

export default defineSection('rfc7143/13.14', 'FirstBurstLength', [
  ...rangeRows('FirstBurstLength', 'min', RANGE, [[1, '512'], [2, '511'], [3, String(2 ** 24)]]).map(offerCase),
  integrity, irrelevant,
]);
