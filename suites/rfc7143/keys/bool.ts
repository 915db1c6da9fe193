// Boolean key rows (RFC 7143 §6.2.2, §13): the offer that fixes the result, the one that needs an answer, a bad spelling.
import type { OfferRow } from './offer.js';

/** Three rows for a Boolean key with result function AND or OR, numbered n, n+1, n+2. */
export function boolRows(key: string, fn: 'AND' | 'OR', n: number, badSpelling: string): OfferRow[] {
  const fixing = fn === 'AND' ? 'No' : 'Yes';
  const open = fn === 'AND' ? 'Yes' : 'No';
  return [
    { n, key, value: fixing, expect: { fn: 'fixed' }, ref: 'rfc7143/6.2.2',
      title: `${key}=${fixing} is not answered with ${open}`,
      requirement: `With result function ${fn}, an offer of ${fixing} decides the outcome: the answer is optional and, if sent, is ${fixing}.` },
    { n: n + 1, key, value: open, expect: { fn: 'bool' }, ref: 'rfc7143/6.2.2',
      title: `${key}=${open} gets a Yes or No answer`,
      requirement: `With result function ${fn}, an offer of ${open} does not decide the outcome, so the acceptor must answer with the same key and Yes or No.` },
    { n: n + 2, key, value: badSpelling, expect: { fn: 'refuse', values: ['Yes', 'No'] }, ref: 'rfc7143/6.1',
      title: `${key}=${badSpelling} (not a boolean-value) is not taken as negotiated`,
      requirement: `Keys and values are case-sensitive and a boolean-value is "Yes" or "No"; ${badSpelling} is not admissible, so the target answers Reject, fails the login, or selects an admissible Yes or No.` },
  ];
}
