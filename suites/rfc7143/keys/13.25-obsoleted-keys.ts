// RFC 7143 §13.25 Obsoleted Keys: IFMarker/OFMarker get Reject (or No), IFMarkInt/OFMarkInt get Reject; never NotUnderstood.
import { defineSection, type CaseDef } from '../../../harness/runner/case.js';
import { pass } from '../../../harness/runner/outcomes.js';
import { keyAnswer, notNotUnderstood } from '../../support-login.js';

const row = (n: number, key: string, value: string, allowNo: boolean): CaseDef => ({
  n, level: allowNo ? 'SHOULD' : 'MUST',
  title: `the obsoleted ${key}=${value} is answered ${allowNo ? 'Reject (or No)' : 'Reject'}`,
  requirement: allowNo
    ? `${key} was obsoleted; a responder should answer Reject, may answer No, and must not answer NotUnderstood.`
    : `${key} was obsoleted; a responder must answer Reject and must not answer NotUnderstood.`,
  ref: 'rfc7143/13.25', tags: ['login', 'keys', 'obsolete'],
  async run(t) {
    const c = await t.connect();
    const r = await t.tryLogin(c, { keys: { [key]: value } });
    notNotUnderstood(t, r, key);
    await t.expect(r.event, pass(keyAnswer(r, key, v => v === 'Reject', 'Reject')),
      ...(allowNo ? [pass(keyAnswer(r, key, v => v === 'No', 'No'))] : []));
  },
});

export default defineSection('rfc7143/13.25', 'Obsoleted Keys', [
  row(1, 'OFMarker', 'No', true), row(2, 'IFMarker', 'Yes', true),
  row(3, 'OFMarkInt', '2048~2048', false), row(4, 'IFMarkInt', '2048', false),
]);
