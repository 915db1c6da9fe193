// CHAP math against RFC 1994 (MD5 over identifier, secret, challenge) and challenge hygiene.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chapResponse, newChallenge, sameResponse } from './chap.js';

describe('chapResponse', () => {
  it('is MD5(id || secret || challenge), computed here by hand', () => {
    const challenge = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
    const byHand = createHash('md5').update(Buffer.concat([Buffer.from([0x2a]), Buffer.from('alicesecret12'), challenge])).digest();
    expect(chapResponse(5, 0x2a, 'alicesecret12', challenge)).toEqual(byHand);
    expect(chapResponse(5, 0x12a, 'alicesecret12', challenge)).toEqual(byHand); // the identifier is one octet
  });

  it('matches a fixed vector', () => {
    // MD5 of 0x01 || "secret" || 0x00 0x01 0x02 0x03, computed independently with md5sum.
    expect(chapResponse(5, 1, 'secret', Buffer.from([0, 1, 2, 3])).toString('hex'))
      .toBe('e82cb2ed1efe04893c9cf73d4dd12e2d');
  });

  it('refuses an algorithm it cannot compute', () => {
    expect(() => chapResponse(7, 1, 's', Buffer.alloc(16))).toThrow(RangeError);
  });

  it('never reflects the target challenge, and compares responses exactly', () => {
    const theirs = Buffer.alloc(1, 0);
    for (let i = 0; i < 50; i++) expect(newChallenge(1, theirs).challenge.equals(theirs)).toBe(false);
    const r = chapResponse(5, 3, 'x', Buffer.alloc(16));
    expect(sameResponse(r, Buffer.from(r))).toBe(true);
    expect(sameResponse(r, r.subarray(1))).toBe(false);
    expect(sameResponse(r, undefined)).toBe(false);
  });
});
