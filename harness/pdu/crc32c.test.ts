// CRC32C golden vectors (RFC 3720 Appendix B.4) and the seeded-equals-one-shot property.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc32c as nativeCrc32c } from '@node-rs/crc32';
import { JS_BELOW, crc32c, crc32cJs, digestBytes, verifyDigest } from './crc32c.js';

const hex = (b: Buffer): string => b.toString('hex');

// RFC 3720 B.4 prints each CRC as the four bytes in the order they are sent.
const read10Pdu = Buffer.alloc(48);
Object.entries({ 0: 0x01, 1: 0xc0, 16: 0x14, 22: 0x04, 27: 0x14, 31: 0x18, 32: 0x28, 40: 0x02 })
  .forEach(([i, v]) => { read10Pdu[Number(i)] = v; });
const rfcVectors: Array<[string, Buffer, string]> = [
  ['32 bytes of zeros', Buffer.alloc(32, 0x00), 'aa36918a'],
  ['32 bytes of 0xff', Buffer.alloc(32, 0xff), '43aba862'],
  ['32 bytes ascending 00..1f', Buffer.from(Array.from({ length: 32 }, (_, i) => i)), '4e79dd46'],
  ['32 bytes descending 1f..00', Buffer.from(Array.from({ length: 32 }, (_, i) => 31 - i)), '5cdb3f11'],
  ['SCSI Read(10) command PDU', read10Pdu, '563a96d9'],
];

describe('crc32c', () => {
  it('gives the check value for "123456789"', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(hex(digestBytes(Buffer.from('123456789')))).toBe('839206e3');
  });

  it.each(rfcVectors)('RFC 3720 B.4: %s', (_name, input, wire) => {
    expect(hex(digestBytes(input))).toBe(wire);
    expect(verifyDigest(Buffer.from(wire, 'hex'), input)).toBe(true);
    expect(crc32cJs(input)).toBe(nativeCrc32c(input) >>> 0);
  });

  it('is 0 for empty input', () => {
    expect(crc32c(Buffer.alloc(0))).toBe(0);
  });

  it('JS table and native agree on every length around the switch-over', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: JS_BELOW * 3 }), fc.integer({ min: 0, max: 0xffffffff }), (bytes, seed) => {
      expect(crc32cJs(bytes, seed)).toBe(nativeCrc32c(bytes, seed) >>> 0);
    }));
  });

  it('seeded (incremental) equals one shot', () => {
    fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 600 }), { maxLength: 6 }), (parts) => {
      const whole = Buffer.concat(parts);
      let c = 0;
      for (const p of parts) c = crc32c(p, c);
      expect(c).toBe(crc32c(whole));
      expect(hex(digestBytes(...parts))).toBe(hex(digestBytes(whole)));
    }));
  });

  it('verifyDigest rejects a flipped bit and a wrong-length digest', () => {
    const d = digestBytes(read10Pdu);
    d[3] ^= 0x01;
    expect(verifyDigest(d, read10Pdu)).toBe(false);
    expect(verifyDigest(Buffer.alloc(3), read10Pdu)).toBe(false);
  });
});
