// RFC 7143 §13.3 SendTargets is FFPO: offered during login it is not accepted (and still understood).
import { defineSection } from '../../../harness/runner/case.js';
import { offerCase } from './offer.js';

export default defineSection('rfc7143/13.3', 'SendTargets', [
  { n: 1, key: 'SendTargets', value: 'All', expect: { fn: 'refuse' } as const, ref: 'rfc7143/13',
    title: 'SendTargets during login is refused, not answered NotUnderstood', level: 'MUST' as const,
    requirement: 'SendTargets is FFPO (only in Full Feature Phase); sent in a Login Request it is a key not allowed there, so the target answers Reject or fails the login.' },
].map(offerCase));
