// RFC 7143 §13.7 InitiatorAlias: a declarative key the target accepts from the initiator.
import { defineSection } from '../../../harness/runner/case.js';
import { offerCase } from './offer.js';

export default defineSection('rfc7143/13.7', 'InitiatorAlias', [
  { n: 1, key: 'InitiatorAlias', value: 'conformance host 1', expect: { fn: 'declare' } as const,
    title: 'a declared InitiatorAlias is accepted', level: 'MUST' as const,
    requirement: 'InitiatorAlias is declarative and sent by the initiator; every key of RFC 7143 must be supported, so it is neither refused nor answered NotUnderstood.' },
].map(offerCase));
