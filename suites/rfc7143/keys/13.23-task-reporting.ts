// RFC 7143 §13.23 TaskReporting: list key (RFC3720, ResponseFence, FastAbort); §6.2.1 list selection.
import { defineSection } from '../../../harness/runner/case.js';
import { offerCase } from './offer.js';

export default defineSection('rfc7143/13.23', 'TaskReporting', [
  { n: 1, key: 'TaskReporting', value: 'RFC3720', expect: { fn: 'list' } as const, ref: 'rfc7143/6.2.1',
    title: 'TaskReporting=RFC3720 is answered RFC3720', requirement: 'A list answer is a value from the offer; RFC3720 semantics are mandatory for a target, so the only offered value is selected.' },
  { n: 2, key: 'TaskReporting', value: 'ResponseFence,RFC3720', expect: { fn: 'list' } as const, ref: 'rfc7143/6.2.1',
    title: 'TaskReporting=ResponseFence,RFC3720 is answered with one of the two', requirement: 'The target must support RFC3720 and ResponseFence semantics; its answer is the first offered value it supports.' },
  { n: 3, key: 'TaskReporting', value: 'Bogus', expect: { fn: 'refuse' } as const, ref: 'rfc7143/6.2.1',
    title: 'TaskReporting with no known value is refused', requirement: 'With no supported option in the list the acceptor answers Reject or ends the negotiation; it must not select a value not proposed.' },
].map(offerCase));
