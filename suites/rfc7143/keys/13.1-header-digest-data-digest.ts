// RFC 7143 §13.1 HeaderDigest and DataDigest: list keys; CRC32C and None must be implemented; §6.2.1 list selection.
import { defineSection } from '../../../harness/runner/case.js';
import { offerCase, type OfferRow } from './offer.js';

const rows = (key: string, base: number): OfferRow[] => [
  { n: base, key, value: 'None', expect: { fn: 'list' }, ref: 'rfc7143/6.2.1',
    title: `${key}=None is answered None`, requirement: `The responder answers a list with the first value it supports; None is mandatory, so ${key}=None is answered None.` },
  { n: base + 1, key, value: 'CRC32C,None', expect: { fn: 'list' }, ref: 'rfc7143/6.2.1',
    title: `${key}=CRC32C,None is answered with one of the offered values`, requirement: `The answer to ${key}=CRC32C,None is the first offered value the target supports: CRC32C or None, nothing else.` },
  { n: base + 2, key, value: 'Y-com.example.unknown,None', expect: { fn: 'list' }, ref: 'rfc7143/6.2.1',
    title: `${key} with an unknown private digest first falls back to None`, requirement: 'An acceptor ignores list values it does not understand and picks the first one it supports from the rest.' },
  { n: base + 3, key, value: 'Bogus', expect: { fn: 'refuse' }, ref: 'rfc7143/6.2.1',
    title: `${key} with no supported value is refused`, requirement: 'When none of the proposed options is supported the acceptor may answer Reject or end the negotiation; it must not select a value not proposed.' },
];

export default defineSection('rfc7143/13.1', 'HeaderDigest and DataDigest', [...rows('HeaderDigest', 1), ...rows('DataDigest', 5)].map(offerCase));
