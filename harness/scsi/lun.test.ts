// LUN addressing: peripheral and flat forms as tgt reports them, and the round trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lunFromBytes, lunFromNumber, lunText, lunToBytes, lunToNumber } from './lun.js';

describe('LUN', () => {
  it('uses peripheral addressing below 256 and flat space up to 16383', () => {
    expect(lunToBytes(lunFromNumber(1)).toString('hex')).toBe('0001000000000000');
    expect(lunToBytes(lunFromNumber(256)).toString('hex')).toBe('4100000000000000');
    expect(lunToBytes(lunFromNumber(16383)).toString('hex')).toBe('7fff000000000000');
  });
  it('round-trips every number', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0x3fff }), n => {
      expect(lunToNumber(lunFromNumber(n))).toBe(n);
      expect(lunFromBytes(lunToBytes(lunFromNumber(n)))).toBe(lunFromNumber(n));
    }));
  });
  it('refuses numbers it cannot address and multi-level LUNs', () => {
    expect(() => lunFromNumber(16384)).toThrow(RangeError);
    expect(lunToNumber(0x0001000100000000n)).toBeUndefined();
    expect(lunToNumber(0x0101000000000000n)).toBeUndefined(); // peripheral with a bus identifier
    expect(lunText(0xc000000000000000n)).toBe('0xc000000000000000');
  });
});
