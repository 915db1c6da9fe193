// RFC 7143 §13.26 X#NodeArchitecture: declaring it must not change how the target behaves.
import { defineSection } from '../../../harness/runner/case.js';
import { offerCase } from './offer.js';

export default defineSection('rfc7143/13.26', 'X#NodeArchitecture', [
  { n: 1, key: 'X#NodeArchitecture', value: 'iscsi-conformance/0.1,Node/20', expect: { fn: 'declare' } as const, ref: 'rfc7143/13.26.2',
    title: 'a declared X#NodeArchitecture does not stop the login', level: 'MUST' as const,
    requirement: 'Functional behaviour of a node must not depend on the presence, absence or content of X#NodeArchitecture; the login goes on as without it.' },
].map(offerCase));
