// toWire: padding, digest placement and coverage, lengths left as the codec wrote them.
import { describe, expect, it } from 'vitest';
import { digestBytes } from './crc32c.js';
import fc from 'fast-check';
import { padLength, SCATTER_MIN, toWire, toWireChunks } from './wire.js';

const bhs = (dsl: number, ahsWords = 0): Buffer => {
  const b = Buffer.alloc(48);
  b[0] = 0x01;
  b[4] = ahsWords;
  b.writeUIntBE(dsl, 5, 3);
  b.writeUInt32BE(0x1234, 16);
  return b;
};

describe('toWire', () => {
  it('pads data with zeros to 4 bytes and adds no digests by default', () => {
    const w = toWire({ bhs: bhs(5), data: Buffer.from('hello') });
    expect(w.length).toBe(48 + 8);
    expect(w.subarray(48).toString('hex')).toBe(Buffer.from('hello').toString('hex') + '000000');
  });

  it('puts the header digest after the AHS and covers BHS + AHS', () => {
    const ahs = Buffer.from('0005020000000004', 'hex');
    const b = bhs(0, 2);
    const w = toWire({ bhs: b, ahs }, { headerDigest: true, dataDigest: true });
    expect(w.length).toBe(48 + 8 + 4); // no data digest: data segment empty
    expect(w.subarray(56, 60)).toEqual(digestBytes(b, ahs));
  });

  it('covers data + padding with the data digest', () => {
    const data = Buffer.from('abcdefg');
    const w = toWire({ bhs: bhs(7), data }, { headerDigest: true, dataDigest: true });
    expect(w.length).toBe(48 + 4 + 8 + 4);
    expect(w.subarray(48, 52)).toEqual(digestBytes(w.subarray(0, 48)));
    expect(w.subarray(60, 64)).toEqual(digestBytes(data, Buffer.alloc(1)));
  });

  it('sends a lying DataSegmentLength and a custom padding as given', () => {
    const b = bhs(1000);
    const w = toWire({ bhs: b, data: Buffer.from('ab'), pad: Buffer.from('ffff', 'hex') });
    expect(w.subarray(0, 48)).toEqual(b);
    expect(w.subarray(48).toString('hex')).toBe('6162ffff');
  });

  it('computes the pad length', () => {
    expect([0, 1, 2, 3, 4, 5].map(padLength)).toEqual([0, 3, 2, 1, 0, 3]);
  });
});

describe('toWireChunks', () => {
  it('gives exactly the bytes of toWire, with or without digests, AHS and odd lengths', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 3 * SCATTER_MIN }), fc.integer({ min: 0, max: 2 }), fc.boolean(), fc.boolean(),
      (len, ahsWords, headerDigest, dataDigest) => {
        const data = Buffer.alloc(len, 0xa5);
        const parts = { bhs: bhs(len, ahsWords), ahs: Buffer.alloc(ahsWords * 4, 7), data };
        const chunks = toWireChunks(parts, { headerDigest, dataDigest });
        expect(Buffer.concat(chunks)).toEqual(toWire(parts, { headerDigest, dataDigest }));
      }), { numRuns: 60 });
  });

  it('sends a large data segment as the same buffer, not a copy', () => {
    const data = Buffer.alloc(SCATTER_MIN + 1, 1);
    const chunks = toWireChunks({ bhs: bhs(data.length), data }, { dataDigest: true });
    expect(chunks).toHaveLength(3);
    expect(chunks[1]!.buffer).toBe(data.buffer);
  });
});
